//go:build js && wasm

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"syscall/js"

	"go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// [START queue]
// queue is an OTLP trace client that keeps every batch in localStorage
// until the Collector has accepted it. While the browser is offline it only
// stores; when the browser is back online (its "online" event), or with the
// next batch, it sends what it holds, oldest first. The batches are in
// localStorage, not in memory, so they outlive the page.
type queue struct {
	next otlptrace.Client
	mu   sync.Mutex // one sender at a time: the batch processor and the online event
	sent int        // spans the Collector accepted, for the status line
}

const (
	queueKey   = "otel-queue" // the localStorage key
	maxBatches = 100          // kept at most; beyond, the oldest is dropped
)

// stored is one batch as localStorage holds it: its span count and the
// OTLP protobuf bytes (base64 in JSON).
type stored struct {
	Spans int    `json:"spans"`
	Data  []byte `json:"data"`
}

func newQueue(next otlptrace.Client) *queue {
	q := &queue{next: next}
	online := js.FuncOf(func(js.Value, []js.Value) any {
		go q.flush(context.Background())
		return nil
	})
	window.Call("addEventListener", "online", online)
	q.save(q.load(), nil) // show what an earlier visit left
	return q
}

func (q *queue) Start(ctx context.Context) error { return q.next.Start(ctx) }

func (q *queue) Stop(ctx context.Context) error {
	err := q.flush(ctx)
	if stopErr := q.next.Stop(ctx); stopErr != nil {
		return stopErr
	}
	return err
}

// UploadTraces stores the batch, then sends what is stored if the browser
// is online.
func (q *queue) UploadTraces(ctx context.Context, rs []*tracepb.ResourceSpans) error {
	data, err := proto.Marshal(&tracepb.TracesData{ResourceSpans: rs})
	if err != nil {
		return err
	}
	q.mu.Lock()
	batches := append(q.load(), stored{Spans: countSpans(rs), Data: data})
	if len(batches) > maxBatches {
		batches = batches[len(batches)-maxBatches:]
	}
	q.save(batches, nil)
	q.mu.Unlock()
	return q.flush(ctx)
}

// flush sends the stored batches in order and removes each once the
// Collector accepted it. It stops at the first failure: the rest waits.
func (q *queue) flush(ctx context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	batches := q.load()
	if !window.Get("navigator").Get("onLine").Bool() {
		q.save(batches, nil)
		return nil
	}
	for len(batches) > 0 {
		var td tracepb.TracesData
		if err := proto.Unmarshal(batches[0].Data, &td); err == nil {
			if err := q.next.UploadTraces(ctx, td.ResourceSpans); err != nil {
				err = fmt.Errorf("%d span batch(es) kept for later: %w", len(batches), err)
				q.save(batches, err)
				return err
			}
			q.sent += batches[0].Spans
		}
		batches = batches[1:]
	}
	q.save(nil, nil)
	return nil
}

// [END queue]

func (q *queue) load() []stored {
	var batches []stored
	if v := window.Get("localStorage").Call("getItem", queueKey); v.Type() == js.TypeString {
		json.Unmarshal([]byte(v.String()), &batches) // a damaged queue starts empty
	}
	return batches
}

// save stores the batches and shows the queue, and the error of the last
// attempt to send, in the page's status line.
func (q *queue) save(batches []stored, sendErr error) {
	b, _ := json.Marshal(batches)
	window.Get("localStorage").Call("setItem", queueKey, string(b))
	waiting := 0
	for _, s := range batches {
		waiting += s.Spans
	}
	status := fmt.Sprintf("%d spans sent, %d waiting", q.sent, waiting)
	out := document.Call("getElementById", "queue")
	out.Get("dataset").Set("sent", q.sent)
	out.Get("dataset").Set("waiting", waiting)
	if sendErr != nil {
		status += " (could not send: " + sendErr.Error() + ")"
		out.Get("dataset").Set("error", sendErr.Error())
	}
	out.Set("textContent", status)
}

func countSpans(rs []*tracepb.ResourceSpans) int {
	n := 0
	for _, r := range rs {
		for _, ss := range r.ScopeSpans {
			n += len(ss.Spans)
		}
	}
	return n
}
