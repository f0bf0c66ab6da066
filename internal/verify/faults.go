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

	"oteldocs.dev/internal/spec"
)

// faultProxy stands in front of the Collector's OTLP/HTTP receiver and
// answers badly on purpose (spec.Faults): an error status for the first
// requests, or a delay. It logs what it did, with times relative to the
// first request, so a page can show how an exporter retried.
type faultProxy struct {
	f     spec.Faults
	proxy *httputil.ReverseProxy
	srv   *http.Server
	url   string

	mu    sync.Mutex
	n     int
	start time.Time
	lines []logLine
}

type logLine struct {
	at   time.Duration // since the first request
	text string
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

func (p *faultProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	if p.n == 0 {
		p.start = time.Now()
	}
	p.n++
	n, at := p.n, time.Since(p.start)
	p.mu.Unlock()

	what := fmt.Sprintf("%s %s", r.Method, r.URL.Path)
	// Read the body first: only then does the server watch the connection
	// and cancel r.Context() when the client gives up.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		p.logf(at, "%s: reading the request failed: %v", what, err)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if d := p.f.Delay.Duration; d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			p.logf(at, "%s: the client gave up after %s; not forwarded", what, (time.Since(p.start) - at).Round(100*time.Millisecond))
			return
		}
	}
	if n <= p.f.Count {
		if p.f.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(p.f.RetryAfter))
			p.logf(at, "%s: answered %d %s, Retry-After: %d (injected)", what, p.f.Status, http.StatusText(p.f.Status), p.f.RetryAfter)
		} else {
			p.logf(at, "%s: answered %d %s (injected)", what, p.f.Status, http.StatusText(p.f.Status))
		}
		w.WriteHeader(p.f.Status)
		return
	}
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	var ferr error
	proxy := *p.proxy
	proxy.ErrorHandler = func(w http.ResponseWriter, _ *http.Request, err error) {
		ferr = err
		w.WriteHeader(http.StatusBadGateway)
	}
	proxy.ServeHTTP(rec, r)
	if ferr != nil {
		p.logf(at, "%s: forwarding failed: %v", what, ferr)
		return
	}
	p.logf(at, "%s: forwarded to the Collector, which answered %d %s", what, rec.status, http.StatusText(rec.status))
}

func (p *faultProxy) logf(at time.Duration, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lines = append(p.lines, logLine{at, fmt.Sprintf(format, args...)})
}

// Log is what the proxy did, a line per request, in arrival order.
func (p *faultProxy) Log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.lines) == 0 {
		return ""
	}
	lines := slices.Clone(p.lines)
	slices.SortStableFunc(lines, func(a, b logLine) int { return cmp.Compare(a.at, b.at) })
	var b strings.Builder
	b.WriteString("--- verify's fault proxy in front of the Collector\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "+%.1fs  %s\n", l.at.Seconds(), l.text)
	}
	return b.String()
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
func (p *faultProxy) Drain() error {
	ctx, cancel := context.WithTimeout(context.Background(), drainWithin)
	defer cancel()
	if err := p.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("fault proxy: requests still in flight %s after the program exited: %w", drainWithin, err)
	}
	return nil
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
