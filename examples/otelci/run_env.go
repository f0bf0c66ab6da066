package main

import "strings"

// envCarrier is a process environment as a propagation.TextMapCarrier. The
// propagator's keys (traceparent, tracestate, baggage) are the upper-case
// variables TRACEPARENT, TRACESTATE and BAGGAGE, the names that tools which
// pass trace context to child processes agree on.
type envCarrier struct{ vars []string }

func environ(vars []string) *envCarrier { return &envCarrier{vars: vars} }

// Get returns the value of the variable named by key in upper case.
func (e *envCarrier) Get(key string) string {
	prefix := strings.ToUpper(key) + "="
	for i := len(e.vars) - 1; i >= 0; i-- { // the last one wins, as in os/exec
		if v, ok := strings.CutPrefix(e.vars[i], prefix); ok {
			return v
		}
	}
	return ""
}

// Set replaces the variable named by key in upper case, or adds it.
func (e *envCarrier) Set(key, value string) {
	prefix := strings.ToUpper(key) + "="
	kept := e.vars[:0:0]
	for _, kv := range e.vars {
		if !strings.HasPrefix(kv, prefix) {
			kept = append(kept, kv)
		}
	}
	e.vars = append(kept, prefix+value)
}

// Keys lists the variable names in lower case.
func (e *envCarrier) Keys() []string {
	keys := make([]string, 0, len(e.vars))
	for _, kv := range e.vars {
		k, _, _ := strings.Cut(kv, "=")
		keys = append(keys, strings.ToLower(k))
	}
	return keys
}

// list returns the environment for exec.Cmd.Env.
func (e *envCarrier) list() []string { return e.vars }
