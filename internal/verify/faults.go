package verify

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"oteldocs.dev/internal/match"
	"oteldocs.dev/internal/spec"
	"oteldocs.dev/testcontainers/collector"
)

// wireProxy is a proxy of verify's own between an example and the
// Collector: it records every request (match.Request) and may answer
// badly on purpose.
type wireProxy interface {
	URL() string               // what the example gets as OTEL_EXPORTER_OTLP_ENDPOINT
	Log() string               // a line per request, appended to the run's output
	Requests() []match.Request // what it saw, for expect.requests
	Drain() error              // wait for requests in flight; call once the program exited
	Close()
}

// startProxy starts the proxy a case asks for (faults, or expect.requests)
// in front of coll, or returns nil when it asks for none.
func startProxy(ctx context.Context, coll *collector.Container, sp *spec.Spec) (wireProxy, error) {
	if !sp.UsesProxy() {
		return nil, nil
	}
	if sp.Run.Protocol == "grpc" {
		target, err := coll.GRPCEndpoint(ctx)
		if err != nil {
			return nil, err
		}
		return startGRPCProxy(target, sp.Collector.GRPCFaults)
	}
	target, err := coll.HTTPEndpoint(ctx)
	if err != nil {
		return nil, err
	}
	var f spec.Faults
	if sp.Collector.HTTPFaults != nil {
		f = *sp.Collector.HTTPFaults
	}
	return startFaultProxy(target, f)
}

// recorder keeps what a proxy saw: requests, with times relative to the
// first, and a log line for each.
type recorder struct {
	mu      sync.Mutex
	start   time.Time
	perPath map[string]int
	reqs    []match.Request
	lines   []logLine
}

type logLine struct {
	at   time.Duration // since the first request
	text string
}

// begin counts a request to path and returns its number among the
// requests to that path (from 1) and its time since the first request.
func (rc *recorder) begin(path string) (int, time.Duration) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.perPath == nil {
		rc.start, rc.perPath = time.Now(), map[string]int{}
	}
	rc.perPath[path]++
	return rc.perPath[path], time.Since(rc.start)
}

// done records a request with what became of it.
func (rc *recorder) done(r match.Request, format string, args ...any) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.reqs = append(rc.reqs, r)
	rc.lines = append(rc.lines, logLine{r.At, fmt.Sprintf(format, args...)})
}

func (rc *recorder) since() time.Duration {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return time.Since(rc.start)
}

// Requests returns what the proxy saw, in arrival order.
func (rc *recorder) Requests() []match.Request {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := slices.Clone(rc.reqs)
	slices.SortStableFunc(out, func(a, b match.Request) int { return cmp.Compare(a.At, b.At) })
	return out
}

// Log is what the proxy did, a line per request, in arrival order.
func (rc *recorder) Log() string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.lines) == 0 {
		return ""
	}
	lines := slices.Clone(rc.lines)
	slices.SortStableFunc(lines, func(a, b logLine) int { return cmp.Compare(a.at, b.at) })
	var b strings.Builder
	b.WriteString("--- verify's proxy in front of the Collector\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "+%.1fs  %s\n", l.at.Seconds(), l.text)
	}
	return b.String()
}

// faultProxy stands in front of the Collector's OTLP/HTTP receiver. It
// records each request and may answer badly on purpose (spec.Faults): an
// error status for the first requests of each path, or a delay. With no
// faults it forwards everything and only records.
type faultProxy struct {
	recorder
	f     spec.Faults
	proxy *httputil.ReverseProxy
	srv   *http.Server
	url   string
}

// startFaultProxy listens on a free loopback port and forwards to target.
func startFaultProxy(target string, f spec.Faults) (*faultProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &faultProxy{f: f, proxy: httputil.NewSingleHostReverseProxy(u), url: "http://" + ln.Addr().String()}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *faultProxy) URL() string { return p.url }

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, at := p.begin(r.URL.Path)
	// Read the body first: only then does the server watch the connection
	// and cancel r.Context() when the client gives up.
	body, err := io.ReadAll(r.Body)
	req := match.Request{
		At: at, Method: r.Method, Path: r.URL.Path, Size: len(body),
		ContentType:     r.Header.Get("Content-Type"),
		ContentEncoding: r.Header.Get("Content-Encoding"),
		Compressed:      bytes.HasPrefix(body, []byte{0x1f, 0x8b}), // the gzip magic number
	}
	what := describeHTTP(req)
	if err != nil {
		p.done(req, "%s: reading the request failed: %v", what, err)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if d := p.f.Delay.Duration; d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			p.done(req, "%s: the client gave up after %s; not forwarded", what, (p.since() - at).Round(100*time.Millisecond))
			return
		}
	}
	if n <= p.f.Count {
		req.Answered = p.f.Status
		if p.f.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(p.f.RetryAfter))
			p.done(req, "%s: answered %d %s, Retry-After: %d (injected)", what, p.f.Status, http.StatusText(p.f.Status), p.f.RetryAfter)
		} else {
			p.done(req, "%s: answered %d %s (injected)", what, p.f.Status, http.StatusText(p.f.Status))
		}
		w.WriteHeader(p.f.Status)
		return
	}
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	if ferr := forward(p.proxy, rec, r); ferr != nil {
		p.done(req, "%s: forwarding failed: %v", what, ferr)
		return
	}
	req.Answered, req.Forwarded = rec.status, true
	p.done(req, "%s: forwarded to the Collector, which answered %d %s", what, rec.status, http.StatusText(rec.status))
}

// describeHTTP names a request and what it carried, for the log.
func describeHTTP(r match.Request) string {
	parts := []string{r.ContentType}
	if r.ContentEncoding != "" {
		parts = append(parts, r.ContentEncoding)
	}
	parts = append(parts, fmt.Sprintf("%d bytes", r.Size))
	return fmt.Sprintf("%s %s (%s)", r.Method, r.Path, strings.Join(parts, ", "))
}

func (p *faultProxy) Close() { p.srv.Close() }

// drainWithin bounds Drain: a request still in flight when the program has
// exited is being forwarded to the Collector or is about to notice that its
// client went away; either ends quickly.
const drainWithin = 10 * time.Second

// Drain stops taking requests and waits for those in flight to finish, so
// that Log is complete and what they forwarded has reached the Collector.
// Call it once the program has exited: reading Log at once would race the
// proxy's last lines.
func (p *faultProxy) Drain() error { return drain(p.srv, "verify's HTTP proxy") }

// drain shuts srv down, waiting at most drainWithin for its handlers.
func drain(srv *http.Server, name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), drainWithin)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("%s: requests still in flight %s after the program exited: %w", name, drainWithin, err)
	}
	return nil
}

// forward sends r on through rp and returns the error that kept it from the
// Collector, if any (the client then gets 502 Bad Gateway).
func forward(rp *httputil.ReverseProxy, w http.ResponseWriter, r *http.Request) error {
	var ferr error
	proxy := *rp
	proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, err error) {
		ferr = err
		w.WriteHeader(http.StatusBadGateway)
	}
	proxy.ServeHTTP(w, r)
	return ferr
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
