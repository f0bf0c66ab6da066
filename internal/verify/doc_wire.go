// # The wire
//
// What the Collector writes does not show how a request travelled: whether
// it was compressed, in which encoding, how long the exporter waited before
// sending it again. For that a case may put a proxy of verify's own between
// the program and the Collector (no TLS; OTLP/HTTP, or OTLP/gRPC over
// plaintext HTTP/2 with run.protocol grpc). The example's
// OTEL_EXPORTER_OTLP_ENDPOINT then points at the proxy. A case gets it when
// it asks for faults, or when it has expect.requests; without faults the
// proxy forwards every request unchanged and only records it.
//
// Faults answer the first requests badly on purpose, to show retry and
// timeouts:
//
//	collector:
//	  http_faults:                 # OTLP/HTTP
//	    status: 503                # the answer to the first `count` requests
//	    count: 2                   # of each path (/v1/traces, /v1/metrics, ...)
//	    retry_after: 1             # seconds, sent as Retry-After
//	    delay: 3s                  # hold each request; if the client gives up
//	                               # first, the request is dropped
//	---
//	case: grpc-retry
//	collector:
//	  grpc_faults:                 # OTLP/gRPC
//	    code: Unavailable          # as grpc-go names codes: ResourceExhausted, ...
//	    count: 1                   # the first call of each method
//	    retry_after: 2             # seconds, sent as a google.rpc.RetryInfo detail
//	run:
//	  protocol: grpc
//
// A gRPC fault is a trailers-only response: HTTP 200 with content-type
// application/grpc and the status in grpc-status and grpc-message, as a
// gRPC server sends it. Later requests are forwarded.
//
// An outage stops the case's Collector mid-run and starts the same
// container again, to show what a program does while it cannot export
// (outage.go):
//
//	collector:
//	  outage:
//	    after: {pattern: 'reading 2'}  # once the output of the program or of a
//	                                   # run.alongside program matches it
//	    for: 3s                        # how long the Collector stays stopped
//
// The case gets a Collector of its own whose ports are published on fixed
// host ports, chosen free beforehand: Docker may give a restarted container
// new ephemeral ports, and the example must find the Collector where it
// left it. What arrived before the stop stays (its data folder is a bind
// mount). run.alongside programs get SIGINT only once the Collector is back.
// verify's lines about the outage (when it stopped, when the Collector
// answered again) follow the output, where run.output matchers see them. A
// pattern that never matches, or a Collector that does not come back on
// the same endpoint, fails the case.
//
// A second Collector to fail over to: collector.failover gives the example
// the shared Collector's endpoint (for the case's protocol) in
// FAILOVER_OTLP_ENDPOINT, which no OpenTelemetry variable covers, and it
// needs collector.outage, which stops the first:
//
//	collector:
//	  outage: {after: {pattern: 'order 3'}, for: 2s}
//	  failover: true
//
// What arrived is read from both Collectors as one, so an expectation with
// count: 16 says that nothing was lost and nothing sent twice, whichever
// Collector took it; the case's folder keeps what both received for it.
//
// expect.requests asserts what the proxy saw. Each item selects requests
// with value matchers and counts them: count (default {gte: 1}) is how many
// must match.
//
//	expect:
//	  requests:
//	    - path: /v1/traces           # or the gRPC method, e.g. {pattern: 'TraceService/Export$'}
//	      method: POST
//	      content_type: application/json    # application/x-protobuf, application/grpc
//	      content_encoding: gzip     # the HTTP header
//	      grpc_encoding: gzip        # the grpc-encoding header
//	      compressed: true           # read from the bytes: gzip's magic number
//	                                 # over HTTP, the message's flag over gRPC
//	      size: {gte: 100}           # body bytes as sent
//	      answered: 503              # HTTP status, or gRPC code name (Unavailable, OK)
//	      forwarded: false           # false: answered by a fault, or dropped
//	      after_previous: {gte: 2s}  # since the previous request to the same path:
//	                                 # the wait between attempts; absent for the first
//	      count: 1
//	    - count: 3                   # no field: every request, so exactly 3 in all
//
// after_previous takes durations ({gte: 2s}, {lte: 500ms}, both) or
// {absent: true}. A request expectation that fails lists every request the
// proxy saw, each with the fields that did not match:
//
//	examples/otlp-http/verify.yaml:190: requests[1]: want >= 3 matching request(s), 0 matched
//	    +0.0s POST /v1/traces, content-type application/x-protobuf, 312 bytes, answered 503, not forwarded: answered want 200, got 503; ...
//	    +1.1s POST /v1/traces, content-type application/x-protobuf, 312 bytes, answered 200: after_previous want >= 2 seconds, got 1.10 seconds
//
// The proxy also logs each request (time since the first, path, what it
// carried, what it answered) after the program's own output; run.output
// matchers see both, and the page's output block shows them.
//
// The main document may use collector: too. Such Collectors are started
// once per distinct setting and removed with the rest.
//
// Absent. absent: true has two places, and they mean different things. As
// a field of a span, log or metric expectation it turns the whole
// expectation around: nothing that arrived may match it. As a value matcher,
// {absent: true} on one field, it says that field has no value: an
// attribute that is not set, a log record without a trace id. Messages
// keep them apart: the first fails as "logs[1]: absent: true (no log record
// may match this expectation), but one does: ...", the second as a field
// line "FAIL attributes.x want {absent: true}, got "x"". A value that is
// not there prints as (absent).
//
// An absent expectation must match nothing that arrived. One that refers to a span (parent, same_trace,
// links, span, exemplar_span) must match nothing under any assignment of
// the other expectations, not only the one the matcher found first: with
// three server spans in the data, "no WARN record on server" fails if any
// of them could be server and has one. When the combinations to check
// exceed the matcher's budget, the expectation fails as "could not be
// checked"; it never passes unchecked. Such a span takes no id.
//
// Counting. An expectation without count asks for at least one match and
// takes part in the search described under Matching. count on a span, log
// or metric expectation asks how many match instead, with the meaning and
// wording of count on expect.requests: a whole number (count: 3), a range
// ({lte: 1}: no more than one; {gte: 2, lte: 4}) or {one_of: [1, 2]}.
// A counted expectation takes no part in the search. Once the search has
// found its assignment, every span (log record, metric) that satisfies the
// expectation under that assignment is counted: parent, same_trace, links,
// span and exemplar_span refer to the spans that assignment chose, and a
// candidate counts even if another expectation matched it too. So
// "kind: CLIENT, parent: server, count: 3" counts the children of the one
// span matched as server, not of every server span. A counted span takes
// no id: it stands for every match, not one. count: 0 is refused: write
// absent: true, which says the same and, unlike count, is checked under
// every assignment the search could pick. When the search itself fails,
// the counts that refer to no span are still checked. A count that fails
// lists what matched, or the closest candidate when nothing did:
//
//	examples/spankind-mqtt/verify.yaml:11: spans[0]: want 3 matching span(s), 4 matched
//	    matches: span "publish shop/orders" (PRODUCER, trace 310ba86f, span a50504ef)
//	    matches: span "publish shop/orders" (PRODUCER, trace 92543767, span def7b5d7)
//	    matches: span "publish shop/orders" (PRODUCER, trace 40895464, span 943a5bc1)
//	    matches: span "publish shop/orders" (PRODUCER, trace 20d9692a, span 7b469295)
//
// Names. kind, type and temporality take a name from their list or
// {one_of: [...]} of names, and no other matcher: each of these fields
// holds exactly one name from a short list, so a pattern says nothing
// one_of does not and present is always true. A gauge has no temporality;
// to match gauges, write type: gauge.
//
// Attribute values that are maps (slog groups, attribute.Map) compare
// as text in the form {key: "value", n: 1} (keys sorted), so use a
// pattern: {pattern: 'tier: "gold"'}. Two expectations may match the same
// span, record or metric: make them specific enough to tell apart.
//
// Every field of an expectation is optional; what is left out is not
// checked. Unknown fields are errors, reported with file and line.
//
// Values. A scalar or list is matched exactly; numbers compare by value, so
// 200 matches the integer 200 and the double 200.0. A mapping is a matcher
// with one key: {pattern: REGEXP}, {present: true}, {absent: true},
// {gte: N, lte: M} (either bound may go), {one_of: [a, b]}. Messages print
// values one way, as the site's telemetry panels do: strings quoted, lists
// in brackets, maps in braces with keys sorted, bytes as base64:..., and a
// value that is not there as (absent).
//
// Matching. Spans are assigned in the order listed, and a span may refer
// (parent, same_trace, links) only to spans listed above it; logs and
// exemplars may refer to any span. The matcher looks for one assignment
// that satisfies every expectation at once: with three requests in the
// data, "the server span" and "the database span whose parent it is" are
// found as a pair.
//
// Waiting. The program flushes its telemetry before it exits; verify reads
// the Collector's output only after that, and polls it. A case whose
// expectations are all positive is decided as soon as they match. A case
// with absent: true on a span, log or metric, or no_telemetry, is decided
// only once its output has settled: nothing new for 3s, 30 intervals of
// the Collector's file flush (FileFlushInterval in
// oteldocs.dev/testcontainers/collector). The Collector has no batch
// processor or queue, so that flush is its whole latency; the rest of the
// window is slack for a busy machine. A record still in
// the Collector's pipeline therefore cannot slip past an absent check. If
// output is still changing when run.wait runs out, such a case fails. A
// case that does not match waits until output settles or run.wait runs
// out. There are no fixed sleeps.
//
// What arrived must be valid OTLP: an attribute key that appears twice in
// one list (of a resource, scope, span, event, link, log record or data
// point) fails the example whose resource carried it, whatever it expects.
// The Collector accepts and writes such data; a reader's backend may keep
// either value.
//
// A failure names the expectation by file and line and shows the closest
// candidate, field by field. Every expectation that fails on its own is
// reported, then a line listing what arrived, then how long each step took
// and why the wait ended (matched, settled, deadline):
//
//	examples/quickstart/verify.yaml:21: spans[1] "query": no span matches (given the matches above it)
//	    closest: span "SELECT id, name FROM users WHERE id = $1" (CLIENT, trace 4bf92f35, span 00f067aa)
//	      ok   kind                         want "CLIENT"
//	      FAIL attributes.db.system.name    want "postgresql", got (absent)
//	      ok   parent                       want span "server" (4bf92f35/53995c3f)
//	arrived: 9 spans [...]; metrics [...]; 4 log records
//	timing: build 2.1s, run 1.3s (exit status 0), waited 3.1s for telemetry, ended: settled (nothing new for 3s; the last write at +0.1s)
//
// # Output
//
// build/verify/results.json and, per example, build/verify/<id>/ with traces.json, metrics.json and logs.json
// (the OTLP JSON the Collector wrote, only this example's resources) and
// output.txt (what the program printed); each extra case has the same files
// in build/verify/<id>/cases/<case>/. An example's folder is written beside
// it and swapped in whole when the example is done, so a reader never sees
// half of one run and half of another. Package oteldocs.dev/internal/results
// defines this layout; docgen reads it through results.Open.
//
// What belongs to one run alone (the built binaries, the TLS CA,
// testcontainers' log) lives in build/verify/runs/run-*/, removed when the
// run ends, on every path. Two verify runs in one checkout at once
// therefore do not break each other; results.json is updated under a lock,
// and keeps the results of both.
//
// # Containers
//
// Images are built here from recipes (oteldocs.dev/testcontainers/...):
// no registry is needed. Every container verify starts is removed when it
// ends: on success, failure, timeout and Ctrl-C.
//
// # Tests
//
// A page about testing instrumentation shows a _test.go file, and its tests
// must pass as the program must. A case with run.test runs them instead of
// the program:
//
//	---
//	case: tests
//	run:
//	  test: true                 # go test -c of the root package, then run it
//	  args: [-test.v]            # flags of the test binary (-test.run, ...)
//	  output:
//	    - {pattern: '--- PASS: TestCheckout'}
//	expect:
//	  no_telemetry: true         # in-memory exporters send nothing
//
// verify builds the test binary with go test -c (GOWORK=off) and runs it in
// the example's folder with the case's environment, as go test does. A failing
// test exits 1, which fails the case (run.exit_code 0 is the default); the
// output, the test's messages included, is in output.txt. run.test does not
// combine with run.serve, run.alongside or run.arch.
//
// # Ids and trace flags
//
// A span may be matched by its ids, for a parent that came from another
// process (a traceparent header or TRACEPARENT variable), and a log record by
// its W3C trace flags, which say whether its span was sampled:
//
//	expect:
//	  spans:
//	    - trace_id: 4bf92f3577b34da6a3ce929d0e0e4736
//	      parent_span_id: 00f067aa0ba902b7
//	  logs:
//	    - trace_id: 4bf92f3577b34da6a3ce929d0e0e4736
//	      trace_flags: 0           # logged in a span that was not sampled
package verify
