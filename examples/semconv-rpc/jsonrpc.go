package main

import (
	"encoding/json"
	"strconv"
)

// The JSON-RPC 2.0 messages (https://www.jsonrpc.org/specification).

type request struct {
	Version string          `json:"jsonrpc"`
	Method  string          `json:"method"`
	Params  json.RawMessage `json:"params,omitempty"`
	ID      int64           `json:"id"`
}

type response struct {
	Version string          `json:"jsonrpc"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
	ID      int64           `json:"id"`
}

// rpcError is a JSON-RPC error object; it is also the error a call returns.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string {
	return "jsonrpc error " + strconv.Itoa(e.Code) + ": " + e.Message
}
