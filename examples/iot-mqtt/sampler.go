package main

import (
	"fmt"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	"golang.org/x/time/rate"
)

// [START sampler]
// rateLimited is a root sampler for a thin link: it keeps a trace while a
// token bucket has tokens, and drops it otherwise. The bucket holds burst
// tokens and gains one every every, so a quiet device keeps its first
// readings after waking and a busy one sends at most one trace per every.
type rateLimited struct {
	limiter     *rate.Limiter
	description string
}

func newRateLimited(every time.Duration, burst int) *rateLimited {
	return &rateLimited{
		limiter:     rate.NewLimiter(rate.Every(every), burst),
		description: fmt.Sprintf("RateLimited{every=%s,burst=%d}", every, burst),
	}
}

// ShouldSample keeps the trace when a token is left. The decision is the
// same for every span of the trace: under ParentBased only roots come here.
func (s *rateLimited) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	decision := sdktrace.Drop
	if s.limiter.Allow() {
		decision = sdktrace.RecordAndSample
	}
	return sdktrace.SamplingResult{
		Decision:   decision,
		Tracestate: trace.SpanContextFromContext(p.ParentContext).TraceState(),
	}
}

func (s *rateLimited) Description() string { return s.description }

// [END sampler]
