package main

import (
	"context"
	"encoding/json"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
)

// [START envelope]
// envelope is the payload of every message. An MQTT 3.1.1 message has a
// topic and a payload but no headers, so the trace context travels inside
// the payload, next to the data: "traceparent" (and "tracestate",
// "baggage" when set) as the propagator writes them.
type envelope struct {
	Headers map[string]string `json:"headers"`
	Data    json.RawMessage   `json:"data"`
}

// wrap encodes data with the trace context of ctx.
func wrap(ctx context.Context, data any) ([]byte, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	headers := propagation.MapCarrier{}
	otel.GetTextMapPropagator().Inject(ctx, headers)
	return json.Marshal(envelope{Headers: headers, Data: raw})
}

// unwrap decodes a payload into data and returns ctx with the remote span
// context found in it, if any.
func unwrap(ctx context.Context, payload []byte, data any) (context.Context, error) {
	var env envelope
	if err := json.Unmarshal(payload, &env); err != nil {
		return ctx, err
	}
	if err := json.Unmarshal(env.Data, data); err != nil {
		return ctx, err
	}
	carrier := propagation.MapCarrier(env.Headers)
	return otel.GetTextMapPropagator().Extract(ctx, carrier), nil
}

// [END envelope]
