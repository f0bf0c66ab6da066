package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"sync/atomic"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// jsonrpcClient calls a JSON-RPC 2.0 server over HTTP.
type jsonrpcClient struct {
	url    string
	lastID atomic.Int64
}

// [START jsonrpc-client]
// Call calls method with params and decodes the result into result, in a
// CLIENT span named after the method. The span's context travels in the
// traceparent header of the HTTP request, so the server's span joins the
// trace. A JSON-RPC error comes back as an *rpcError.
func (c *jsonrpcClient) Call(ctx context.Context, method string, params, result any) error {
	id := c.lastID.Add(1)
	ctx, span := otel.Tracer(scope).Start(ctx, method,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(
			semconv.RPCSystemNameJSONRPC,
			semconv.RPCMethod(method),
			semconv.JSONRPCProtocolVersion("2.0"),
			semconv.JSONRPCRequestID(strconv.FormatInt(id, 10)),
		),
		trace.WithAttributes(serverAttrs(c.url)...),
	)
	defer span.End()

	resp, err := c.post(ctx, method, id, params)
	if err != nil {
		span.SetAttributes(semconv.ErrorTypeOther)
		span.SetStatus(codes.Error, err.Error())
		return err
	}
	if resp.Error != nil {
		code := strconv.Itoa(resp.Error.Code)
		span.SetAttributes(semconv.RPCResponseStatusCode(code), semconv.ErrorTypeKey.String(code))
		span.SetStatus(codes.Error, resp.Error.Message)
		return resp.Error
	}
	return json.Unmarshal(resp.Result, result)
}

// post sends the request with the span's context in its headers.
func (c *jsonrpcClient) post(ctx context.Context, method string, id int64, params any) (*response, error) {
	rawParams, err := json.Marshal(params)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(request{Version: "2.0", Method: method, Params: rawParams, ID: id})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	otel.GetTextMapPropagator().Inject(ctx, propagation.HeaderCarrier(req.Header))
	httpResp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer httpResp.Body.Close()
	if httpResp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("jsonrpc: HTTP %s", httpResp.Status)
	}
	var resp response
	if err := json.NewDecoder(httpResp.Body).Decode(&resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// [END jsonrpc-client]

// serverAttrs returns server.address and server.port of the server's URL.
func serverAttrs(rawURL string) []attribute.KeyValue {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	attrs := []attribute.KeyValue{semconv.ServerAddress(u.Hostname())}
	if port, err := strconv.Atoi(u.Port()); err == nil {
		attrs = append(attrs, semconv.ServerPort(port))
	}
	return attrs
}
