package main

import sdktrace "go.opentelemetry.io/otel/sdk/trace"

// [START sampler]
// sampler keeps a quarter of the traces that start here, and follows the
// caller's decision for the rest.
func sampler() sdktrace.Sampler {
	return sdktrace.ParentBased(
		// A root span (no parent): keep it if its trace id falls in the
		// lowest quarter. Every service that uses the same ratio makes the
		// same decision for the same trace id.
		sdktrace.TraceIDRatioBased(0.25),
		// A parent from another process (traceparent, TRACEPARENT): obey
		// its sampled flag. These two are the defaults, written out.
		sdktrace.WithRemoteParentSampled(sdktrace.AlwaysSample()),
		sdktrace.WithRemoteParentNotSampled(sdktrace.NeverSample()),
		// A parent in this process: the same. Also the defaults.
		sdktrace.WithLocalParentSampled(sdktrace.AlwaysSample()),
		sdktrace.WithLocalParentNotSampled(sdktrace.NeverSample()),
	)
}

// [END sampler]
