package match

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"oteldocs.dev/internal/spec"
)

// Request is one request that verify's proxy saw on its way to the
// Collector, and what the proxy answered.
type Request struct {
	At              time.Duration // since the proxy's first request
	Method          string
	Path            string // /v1/traces, or the gRPC method
	ContentType     string
	ContentEncoding string // HTTP Content-Encoding
	GRPCEncoding    string // the grpc-encoding header
	Compressed      bool   // the bytes were compressed (gzip magic, or gRPC's flag)
	Size            int    // body bytes as sent
	Answered        any    // HTTP status (int) or gRPC code name (string); nil: none
	Forwarded       bool   // passed on to the Collector
}

// String renders a request as one log line.
func (r Request) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "+%.1fs %s %s", r.At.Seconds(), r.Method, r.Path)
	for _, f := range []struct{ k, v string }{{"content-type", r.ContentType}, {"content-encoding", r.ContentEncoding}, {"grpc-encoding", r.GRPCEncoding}} {
		if f.v != "" {
			fmt.Fprintf(&b, ", %s %s", f.k, f.v)
		}
	}
	fmt.Fprintf(&b, ", %d bytes", r.Size)
	if r.Compressed {
		b.WriteString(" compressed")
	}
	if r.Answered != nil {
		fmt.Fprintf(&b, ", answered %v", r.Answered)
	}
	if !r.Forwarded {
		b.WriteString(", not forwarded")
	}
	return b.String()
}

// Wire checks the request expectations of a case against what the proxy
// saw. Each expectation selects requests by its fields and counts them.
func Wire(path string, want []*spec.RequestExp, got []Request) []string {
	if len(want) == 0 {
		return nil
	}
	got = slices.Clone(got)
	slices.SortStableFunc(got, func(a, b Request) int { return cmp.Compare(a.At, b.At) })
	gaps := gapsByPath(got)
	var out []string
	for i, w := range want {
		count := w.Count
		if count == nil {
			count = atLeastOne
		}
		var lines []string
		n := 0
		for j, r := range got {
			var failed []string
			for _, c := range requestChecks(w, r, gaps[j]) {
				if !c.ok {
					failed = append(failed, fmt.Sprintf("%s want %s, got %s", c.field, c.want, c.got))
				}
			}
			if len(failed) == 0 {
				n++
				lines = append(lines, r.String()+": matches")
			} else {
				lines = append(lines, r.String()+": "+strings.Join(failed, "; "))
			}
		}
		if count.Match(int64(n)) {
			continue
		}
		msg := fmt.Sprintf("%s:%d: requests[%d]: want %s matching request(s), %d matched", path, w.Line, i, count, n)
		if len(got) == 0 {
			msg += "\n    verify's proxy saw no request"
		}
		if len(lines) > 30 {
			lines = append(lines[:30], "...")
		}
		for _, l := range lines {
			msg += "\n    " + l
		}
		out = append(out, msg)
	}
	return out
}

var atLeastOne = func() *spec.Value {
	one := 1.0
	return &spec.Value{GTE: &one}
}()

// gapsByPath returns, for each request, the time since the previous request
// to the same path (nil for the first).
func gapsByPath(got []Request) []any {
	last := map[string]time.Duration{}
	out := make([]any, len(got))
	for i, r := range got {
		if prev, ok := last[r.Path]; ok {
			out[i] = (r.At - prev).Seconds()
		}
		last[r.Path] = r.At
	}
	return out
}

func requestChecks(w *spec.RequestExp, r Request, gap any) []check {
	var cs []check
	cs = valueCheck(cs, "path", w.Path, r.Path)
	cs = valueCheck(cs, "method", w.Method, r.Method)
	cs = valueCheck(cs, "content_type", w.ContentType, orNil(r.ContentType))
	cs = valueCheck(cs, "content_encoding", w.ContentEncoding, orNil(r.ContentEncoding))
	cs = valueCheck(cs, "grpc_encoding", w.GRPCEncoding, orNil(r.GRPCEncoding))
	cs = valueCheck(cs, "compressed", w.Compressed, r.Compressed)
	cs = valueCheck(cs, "size", w.Size, int64(r.Size))
	cs = valueCheck(cs, "answered", w.Answered, r.Answered)
	cs = valueCheck(cs, "forwarded", w.Forwarded, r.Forwarded)
	if w.AfterPrevious != nil {
		g := &w.AfterPrevious.Value
		got := "(none: the first)"
		if gap != nil {
			got = fmt.Sprintf("%.2f seconds", gap)
		}
		cs = append(cs, check{field: "after_previous", want: w.AfterPrevious.String(), got: got, ok: g.Match(gap)})
	}
	return cs
}

// orNil maps an empty header to absent, so {absent: true} matches it.
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}
