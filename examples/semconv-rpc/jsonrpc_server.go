package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

// method is one JSON-RPC method of the server.
type method func(ctx context.Context, params json.RawMessage) (any, error)

// jsonrpcServer serves JSON-RPC 2.0 requests sent by HTTP POST.
type jsonrpcServer struct {
	methods map[string]method
}

// [START jsonrpc-server]
// ServeHTTP handles one JSON-RPC call in a SERVER span. No contrib package
// instruments JSON-RPC, so the span follows the RPC conventions by hand:
// the caller's context from the traceparent header, the span named after
// the method, rpc.system.name "jsonrpc", and the error code of a failed
// call in rpc.response.status_code and error.type.
func (s *jsonrpcServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "want a JSON-RPC request", http.StatusBadRequest)
		return
	}
	ctx := otel.GetTextMapPropagator().Extract(r.Context(), propagation.HeaderCarrier(r.Header))
	ctx, span := otel.Tracer(scope).Start(ctx, req.Method,
		trace.WithSpanKind(trace.SpanKindServer),
		trace.WithAttributes(
			semconv.RPCSystemNameJSONRPC,
			semconv.RPCMethod(req.Method),
			semconv.JSONRPCProtocolVersion(req.Version),
			semconv.JSONRPCRequestID(strconv.FormatInt(req.ID, 10)),
		))
	defer span.End()

	resp := response{Version: "2.0", ID: req.ID}
	result, err := s.call(ctx, req)
	if err != nil {
		resp.Error = asRPCError(err)
		code := strconv.Itoa(resp.Error.Code)
		span.SetAttributes(semconv.RPCResponseStatusCode(code), semconv.ErrorTypeKey.String(code))
		span.SetStatus(codes.Error, resp.Error.Message)
	} else if resp.Result, err = json.Marshal(result); err != nil {
		span.SetStatus(codes.Error, err.Error())
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp) // the client sees a failed write
}

// [END jsonrpc-server]

// call runs the method the request names.
func (s *jsonrpcServer) call(ctx context.Context, req request) (any, error) {
	m, ok := s.methods[req.Method]
	if !ok {
		return nil, &rpcError{Code: -32601, Message: "Method not found"}
	}
	return m(ctx, req.Params)
}

// asRPCError returns err as a JSON-RPC error object; an error of another
// type is an internal error (-32603).
func asRPCError(err error) *rpcError {
	var e *rpcError
	if errors.As(err, &e) {
		return e
	}
	return &rpcError{Code: -32603, Message: err.Error()}
}
