package verify

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/netip"
	"strings"
	"sync"
	"time"

	"oteldocs.dev/internal/spec"
)

// inFlight holds the run.serve requests sent with in_flight: true, whose
// answers verify collects only after it has sent the signal.
type inFlight struct {
	wg       sync.WaitGroup
	mu       sync.Mutex
	failures []string
}

// start sends the request in the background and returns once the server
// has read it: net/http's Shutdown serves a request it has read to the
// end, but drops one still unread in the socket (server.go: a request read
// after shutdown began is not served). Written bytes are not enough, so
// start watches the server's receive queue (serverHasRead); where that
// cannot be seen, it returns once the request is written.
func (f *inFlight) start(ctx context.Context, client *http.Client, sp *spec.Spec, i int, addr string, out io.Writer) {
	written, finished := make(chan netip.AddrPort, 1), make(chan struct{})
	var local netip.AddrPort // set by GotConn, which comes before WroteRequest
	trace := &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			local, _ = netip.ParseAddrPort(info.Conn.LocalAddr().String())
		},
		WroteRequest: func(httptrace.WroteRequestInfo) { written <- local },
	}
	f.wg.Add(1)
	go func() {
		defer f.wg.Done()
		defer close(finished)
		if msg := sendServeRequest(httptrace.WithClientTrace(ctx, trace), client, sp, i, addr, out); msg != "" {
			f.mu.Lock()
			f.failures = append(f.failures, msg)
			f.mu.Unlock()
		}
	}()
	server, _ := netip.ParseAddrPort(addr)
	var conn netip.AddrPort
	select {
	case conn = <-written:
	case <-finished:
		return
	}
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		if read, ok := serverHasRead(server, conn); read || !ok {
			break
		}
		select {
		case <-finished:
			return
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
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
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	line := fmt.Sprintf("verify: %s: %s\n", want, resp.Status)
	if want.ShowBody {
		// One write: the body's lines stay under their status line.
		line += string(bytes.TrimRight(body, "\n")) + "\n"
	}
	io.WriteString(out, line)
	if resp.StatusCode != want.Status {
		return fail("want status %d, got %s", want.Status, resp.Status)
	}
	return ""
}
