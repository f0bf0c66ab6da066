// Command propagation carries a trace across a real HTTP hop once per
// propagation format: W3C Trace Context with W3C Baggage, B3 in its single
// and multiple header forms, Jaeger and AWS X-Ray. For each, an otelhttp
// client calls an otelhttp server on 127.0.0.1, both using that propagator,
// and the server prints the headers it received.
//
// The last call uses the global propagator, which this program never sets,
// to show what happens then.
//
// It is configured only by the standard OTEL_* environment variables.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"

	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/contrib/propagators/b3"
	"go.opentelemetry.io/contrib/propagators/jaeger"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/propagation"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

// [START propagators]
// The formats, named as in OTEL_PROPAGATORS.
var propagators = []struct {
	name string
	prop propagation.TextMapPropagator
}{
	{"tracecontext,baggage", propagation.NewCompositeTextMapPropagator(
		propagation.TraceContext{}, propagation.Baggage{},
	)},
	{"b3", b3.New()}, // one "b3" header: the default encoding
	{"b3multi", b3.New(b3.WithInjectEncoding(b3.B3MultipleHeader))},
	{"jaeger", jaeger.Jaeger{}},
	{"xray", xray.Propagator{}}, // module deprecated in contrib v1.47.0
	{"unset global", otel.GetTextMapPropagator()},
}

// [END propagators]

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	// Flush the batch of spans before exit, even when run fails.
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	// [START baggage]
	// Baggage travels with the request to every service downstream, if the
	// propagator carries it.
	tier, err := baggage.NewMember("user.tier", "gold")
	if err != nil {
		return err
	}
	bag, err := baggage.New(tier)
	if err != nil {
		return err
	}
	ctx = baggage.ContextWithBaggage(ctx, bag)
	// [END baggage]

	for _, p := range propagators {
		if err := call(ctx, p.name, p.prop); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return nil
}
