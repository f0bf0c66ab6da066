package verify

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/durationpb"

	"oteldocs.dev/internal/match"
	"oteldocs.dev/internal/spec"
)

// grpcProxy stands in front of the Collector's OTLP/gRPC receiver, over
// plaintext HTTP/2 (h2c). It records each call: the method, the
// grpc-encoding header and whether the message really was compressed. With
// faults it answers the first calls of each method with an error status, as
// a trailers-only response (HTTP 200, content-type application/grpc, the
// status in grpc-status and grpc-message), and forwards the rest.
type grpcProxy struct {
	recorder
	f       *spec.GRPCFaults // nil: only record
	code    codes.Code
	details string // grpc-status-details-bin, for RetryInfo
	proxy   *httputil.ReverseProxy
	srv     *http.Server
	url     string
}

// startGRPCProxy listens on a free loopback port and forwards to target
// (host:port of a plaintext gRPC server).
func startGRPCProxy(target string, f *spec.GRPCFaults) (*grpcProxy, error) {
	p := &grpcProxy{f: f}
	if f != nil {
		code, ok := f.StatusCode()
		if !ok {
			return nil, fmt.Errorf("grpc_faults: unknown code %q", f.Code)
		}
		p.code = code
		if f.RetryAfter > 0 {
			st, err := status.New(code, "injected by verify's proxy").WithDetails(
				&errdetails.RetryInfo{RetryDelay: durationpb.New(time.Duration(f.RetryAfter) * time.Second)})
			if err != nil {
				return nil, err
			}
			b, err := proto.Marshal(st.Proto())
			if err != nil {
				return nil, err
			}
			p.details = base64.RawStdEncoding.EncodeToString(b)
		}
	}
	h2c := new(http.Protocols)
	h2c.SetUnencryptedHTTP2(true)
	upstream := &url.URL{Scheme: "http", Host: target}
	p.proxy = &httputil.ReverseProxy{
		Rewrite:       func(r *httputil.ProxyRequest) { r.SetURL(upstream) },
		Transport:     &http.Transport{Protocols: h2c},
		FlushInterval: -1,
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p.url = "http://" + ln.Addr().String()
	p.srv = &http.Server{Handler: p, Protocols: h2c, ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

func (p *grpcProxy) URL() string { return p.url }

func (p *grpcProxy) Close() { p.srv.Close() }

// Drain waits for the calls in flight, so Log and Requests are complete.
func (p *grpcProxy) Drain() error { return drain(p.srv, "verify's gRPC proxy") }

func (p *grpcProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n, at := p.begin(r.URL.Path)
	body, err := io.ReadAll(r.Body)
	req := match.Request{
		At: at, Method: r.Method, Path: r.URL.Path, Size: len(body),
		ContentType:  r.Header.Get("Content-Type"),
		GRPCEncoding: r.Header.Get("Grpc-Encoding"),
		// A gRPC message starts with a flag byte: 1 means compressed.
		Compressed: len(body) > 0 && body[0] == 1,
	}
	what := describeGRPC(req)
	if err != nil {
		p.done(req, "%s: reading the request failed: %v", what, err)
		return
	}
	if p.f != nil && n <= p.f.Count {
		req.Answered = p.code.String()
		h := w.Header()
		h.Set("Content-Type", "application/grpc")
		h.Set("Grpc-Status", strconv.Itoa(int(p.code)))
		h.Set("Grpc-Message", "injected by verify's proxy")
		retry := ""
		if p.details != "" {
			h.Set("Grpc-Status-Details-Bin", p.details)
			retry = fmt.Sprintf(", RetryInfo %ds", p.f.RetryAfter)
		}
		w.WriteHeader(http.StatusOK)
		p.done(req, "%s: answered %s%s (injected)", what, p.code, retry)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if ferr := forward(p.proxy, w, r); ferr != nil {
		p.done(req, "%s: forwarding failed: %v", what, ferr)
		return
	}
	req.Forwarded = true
	req.Answered = grpcStatus(w.Header())
	p.done(req, "%s: forwarded to the Collector, which answered %v", what, req.Answered)
}

// grpcStatus reads the status the upstream answered from what the reverse
// proxy copied: a header (trailers-only) or a trailer, announced or not.
func grpcStatus(h http.Header) any {
	v := h.Get("Grpc-Status")
	if v == "" {
		v = h.Get(http.TrailerPrefix + "Grpc-Status")
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return nil
	}
	return codes.Code(n).String()
}

// describeGRPC names a call and what it carried, for the log:
// "/opentelemetry.proto.collector.trace.v1.TraceService/Export" is shown
// as "TraceService/Export".
func describeGRPC(r match.Request) string {
	parts := []string{fmt.Sprintf("%d bytes", r.Size)}
	if r.GRPCEncoding != "" {
		parts = append(parts, "grpc-encoding "+r.GRPCEncoding)
	}
	if r.Compressed {
		parts = append(parts, "compressed")
	}
	return fmt.Sprintf("%s (%s)", r.Path[strings.LastIndex(r.Path, ".")+1:], strings.Join(parts, ", "))
}
