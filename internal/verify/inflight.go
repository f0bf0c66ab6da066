package verify

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync"

	"oteldocs.dev/internal/spec"
)

// inFlight holds the run.serve requests sent with in_flight: true, whose
// answers verify collects only after it has sent the signal.
type inFlight struct {
	wg       sync.WaitGroup
	mu       sync.Mutex
	failures []string
}

// start sends the request in the background and returns once its bytes are
// written to the connection (or sending it failed): the server has it, or
// will read it from the socket, and a graceful shutdown must answer it.
func (f *inFlight) start(ctx context.Context, client *http.Client, sp *spec.Spec, i int, addr string, out io.Writer) {
	written := make(chan struct{})
	var once sync.Once
	done := func() { once.Do(func() { close(written) }) }
	trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { done() }}
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		defer done()
		if msg := sendServeRequest(httptrace.WithClientTrace(ctx, trace), client, sp, i, addr, out); msg != "" {
			f.mu.Lock()
			f.failures = append(f.failures, msg)
			f.mu.Unlock()
		}
	}()
	<-written
	fmt.Fprintf(out, "verify: %s: sent, in flight\n", sp.Run.Serve.Requests[i])
}

// wait waits for every request in flight to be answered or to fail, and
// returns their failures.
func (f *inFlight) wait() []string {
	f.wg.Wait()
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failures
}

// sendServeRequest sends run.serve.requests[i] and returns a failure naming
// its line of verify.yaml when it could not be sent or got another status,
// "" when it got the status it wants. Its answer is logged to out.
func sendServeRequest(ctx context.Context, client *http.Client, sp *spec.Spec, i int, addr string, out io.Writer) string {
	want := sp.Run.Serve.Requests[i]
	fail := func(format string, args ...any) string {
		return fmt.Sprintf("%s:%d: run.serve.requests[%d]: %s: %s", sp.Path, want.Line, i, want, fmt.Sprintf(format, args...))
	}
	req, err := http.NewRequestWithContext(ctx, want.Method, "http://"+addr+want.Path, strings.NewReader(want.Body))
	if err != nil {
		return fail("%v", err)
	}
	for k, v := range want.Headers {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		fmt.Fprintf(out, "verify: %s: %v\n", want, err)
		return fail("%v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	fmt.Fprintf(out, "verify: %s: %s\n", want, resp.Status)
	if resp.StatusCode != want.Status {
		return fail("want status %d, got %s", want.Status, resp.Status)
	}
	return ""
}
