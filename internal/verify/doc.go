// Package verify proves that every example works: it compiles each
// examples/<id> module, runs it against a real OpenTelemetry Collector in a
// container (and Postgres, where the example needs it), and checks the
// telemetry that arrived against the example's verify.yaml.
//
// # Levels
//
// Each example reaches one of three levels, each implying the one before:
//
//   - compiled: `go vet ./...` and `go build` pass in the example's own
//     module, with GOWORK=off so the workspace cannot change its versions.
//   - ran: the program exited 0 within its timeout.
//   - asserted: every expectation matched what the Collector received.
//
// Only asserted is a pass, but for an example that declares itself compiled
// only, because a service it talks to cannot be built or pulled here (no
// Debian package, no registry: MongoDB, Cassandra). Its verify.yaml holds the
// reason and nothing else:
//
//	compiled_only: no MongoDB server can be built from Debian's packages or pulled here.
//
// verify builds it like any other example and records a pass at level
// compiled, without starting a service or running the program; the output
// says so, with the reason. Its page shows the compiled badge and says why,
// plainly. needs, run, collector, expect, deploy and further cases are
// errors beside compiled_only: nothing would use them.
//
// # What a running example gets
//
// Only standard variables, so a reader's copy runs unchanged against their
// own Collector:
//
//	OTEL_EXPORTER_OTLP_ENDPOINT   http://127.0.0.1:PORT (HTTP, or gRPC with run.protocol: grpc)
//	OTEL_EXPORTER_OTLP_PROTOCOL   http/protobuf or grpc
//	OTEL_RESOURCE_ATTRIBUTES      oteldocs.run.id=<id>-<random>, after any the spec sets
//	DATABASE_URL                  a fresh database for this example (needs: [postgres])
//	MQTT_URL                      tcp://127.0.0.1:PORT of the broker (needs: [mqtt])
//	MYSQL_DSN                     oteldocs:oteldocs@tcp(127.0.0.1:PORT)/oteldocs, MariaDB (needs: [mysql])
//	REDIS_URL                     redis://127.0.0.1:PORT/0 of a Redis server (needs: [redis])
//	OTEL_EXPORTER_OTLP_CERTIFICATE the CA of a TLS Collector (collector: {tls: true})
//	ADDR                          127.0.0.1:PORT, a free port, for a server (run.serve,
//	                              which may name another variable in addr_env)
//	FAILOVER_OTLP_ENDPOINT        http://127.0.0.1:PORT of a second Collector (collector: {failover: true})
//	KUBERNETES_SERVICE_HOST       127.0.0.1, inside the eks-api container (needs: [eks-api]; run.container)
//	KUBERNETES_SERVICE_PORT       8443, the Kubernetes API's port there (needs: [eks-api])
//	GCE_METADATA_HOST             127.0.0.1:PORT of a Google Cloud metadata emulator (needs: [gcp-metadata])
//	AWS_EC2_METADATA_SERVICE_ENDPOINT http://127.0.0.1:PORT of an EC2 IMDSv2 emulator (needs: [ec2-metadata])
//	ECS_CONTAINER_METADATA_URI_V4 http://127.0.0.1:PORT/v4/<id> of an ECS task metadata emulator (needs: [ecs-metadata])
//
// then what a case's own Collector adds (the CA file, or a fault proxy's
// endpoint in OTEL_EXPORTER_OTLP_ENDPOINT), then run.env of the spec; each
// layer overrides the ones before. OTEL_* and the services' variables
// (DATABASE_URL, MQTT_URL, ...) of verify's own environment are not passed
// on. In run.env values ${NAME}
// expands to the value verify gives NAME (the variables above), e.g.
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: ${OTEL_EXPORTER_OTLP_ENDPOINT}/v1/traces.
// Any other name, say ${HOME} or ${DATABASE_URL} without needs: [postgres],
// is an error naming the line of verify.yaml, never an empty string.
// OTEL_RESOURCE_ATTRIBUTES of run.env is kept, with the run id added after
// it. The run id tells one example's telemetry from another's: all
// examples of a run share one Collector.
//
// # verify.yaml
//
// A complete example:
//
//	needs: [collector, postgres]   # services: collector (always started), postgres, mqtt
//	run:
//	  args: [-v]                   # program arguments
//	  env: {LOG_LEVEL: debug}      # extra environment
//	  protocol: http/protobuf      # or grpc: which OTLP endpoint to give
//	  timeout: 60s                 # for the program to exit (default 60s)
//	  wait: 15s                    # for telemetry after it exits (default 15s)
//	expect:
//	  resource:                    # every resource that arrived must match
//	    service.name: users
//	  spans:
//	    - id: server               # a name later expectations refer to
//	      name: GET /users/:id
//	      kind: SERVER             # INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER,
//	                               # or {one_of: [SERVER, CONSUMER]}
//	      status: UNSET            # UNSET, OK, ERROR
//	      attributes:
//	        http.route: /users/:id
//	        http.response.status_code: 200
//	        user_agent.original: {present: true}
//	    - id: query
//	      kind: CLIENT
//	      parent: server           # its parent is the span matched as "server"
//	      attributes:
//	        db.system.name: postgresql
//	        db.query.text: {pattern: "^SELECT"}
//	    - kind: CLIENT
//	      parent: server
//	      count: {lte: 2}          # how many may match (see Counting below)
//	    - name: {pattern: "^publish"}
//	      same_trace: server       # in the trace of "server", anywhere
//	      # root: true would require it to have no parent
//	      events:
//	        - name: exception
//	          attributes: {exception.type: {present: true}}
//	      links:
//	        - span: query          # a link to the span matched as "query"
//	      trace_state: shop=canary # the W3C tracestate it carries
//	      trace_id: {present: true}    # ids in hex, for a parent that did not export
//	      parent_span_id: {present: true} # itself (a traceparent a C host passed in)
//	      dropped_attributes_count: 3  # dropped by span limits; also
//	                               # dropped_events_count, dropped_links_count
//	  metrics:
//	    - name: http.server.request.duration
//	      type: histogram          # sum, gauge, histogram, exponential_histogram, summary
//	      unit: s
//	      temporality: cumulative  # or delta; type and temporality take one_of too
//	      monotonic: true          # sums only
//	      bounds: [0.005, 0.01]    # explicit bucket boundaries, exactly
//	      points:                  # each must be matched by some point
//	        - attributes: {http.route: /users/:id}
//	          count: {gte: 1}      # histograms: count and sum
//	          exemplar_span: server  # has an exemplar from that span
//	        - value: 3             # sums and gauges
//	  logs:
//	    - body: user found
//	      severity: INFO           # severity text
//	      severity_number: {gte: 9}
//	      attributes: {user.id: 1}
//	      span: server             # carries that span's trace and span id
//	    - body: started
//	      trace_id: {absent: true} # logged without a span in its context
//	    - severity: DEBUG
//	      absent: true             # the whole expectation turned around:
//	                               # no record may match it (see Absent below)
//	  requests:                    # what went over the wire: see "The wire" below
//	    - path: /v1/traces
//	      content_encoding: gzip
//
// Cases. A verify.yaml may hold more YAML documents after the first, each
// a named case that runs the same program another way; the example passes
// only when every case does. A case may ask for a Collector of its own and
// may expect a failure:
//
//	---
//	case: wrong-token              # names the case in messages and in build/verify/<id>/cases/
//	collector:
//	  tls: true                    # receivers serve TLS; the example gets the CA in
//	                               # OTEL_EXPORTER_OTLP_CERTIFICATE and an https endpoint
//	  bearer_token: s3cret         # receivers refuse requests without "Authorization: Bearer s3cret"
//	run:
//	  protocol: grpc
//	  env: {OTEL_EXPORTER_OTLP_HEADERS: "authorization=Bearer wrong"}
//	  exit_code: 1                 # the exit status it must end with (default 0)
//	  output:                      # matchers on what it printed (stdout and stderr)
//	    - {pattern: Unauthenticated}
//	expect:
//	  no_telemetry: true           # nothing may arrive; checked once output has settled
//
// # Servers
//
// A server serves until it is interrupted, and a reader runs it that way:
// start it, send it requests, press Ctrl-C. run.serve runs it the same
// way, so the example needs no demo flag or other scaffolding:
//
//	---
//	case: served
//	run:
//	  serve:
//	    addr_env: ADDR             # the variable that gets 127.0.0.1:PORT (default ADDR)
//	    ready: tcp                 # up once a TCP connection is accepted (default);
//	                               # or a path: up once a GET of it gets any answer
//	    requests:                  # sent in order once it is up
//	      - path: /users/1         # method GET and status 200 by default
//	      - method: POST
//	        path: /users
//	        headers: {Content-Type: application/json}
//	        body: '{"name": "Ada"}'
//	        status: 201            # the status it must answer with
//	      - path: /report
//	        in_flight: true        # do not wait for the answer (see In flight below)
//	      - path: /metrics
//	        show_body: true        # print the answer's body into the output
//	    signal: SIGINT             # sent after the last request: SIGINT (default) or SIGTERM
//	  timeout: 60s                 # bounds all of it, the exit after the signal included
//
// verify picks the port: it listens on 127.0.0.1:0, closes the listener and
// gives the address. Another process could take the port in between, and
// the program then fails to listen, which the failure shows; a fixed port
// in run.env would collide for certain when two verify runs overlap, so
// run.env may not set the variable. verify polls the address (no fixed
// sleeps) until it answers, the program exits, or run.timeout runs out.
// Then it sends the requests, then the signal, and waits for the exit; the
// rest is as for any program: run.exit_code, run.output, the telemetry.
//
// verify's requests carry no trace context: verify is not instrumented, so
// the server's spans for them are roots, and no CLIENT span goes with them.
// To show a hop from client to server, the example runs an instrumented
// client itself (examples/trace-context).
//
// What verify did is in the output, between the program's lines (their
// order across the two is only roughly the order in time):
//
//	verify: GET /users/1: 200 OK
//	verify: sent SIGINT
//
// Failures name the line of verify.yaml: a request that could not be sent
// or got another status (the case fails, and its telemetry is still
// checked); a program that exits before it answers; one that does not answer
// within run.timeout; one that a signal killed because it does not handle
// it, and so could not flush; and one that does not exit after the signal:
//
//	did not exit within run.timeout of 60s after verify sent SIGINT (run.serve in examples/quickstart/verify.yaml:8): a server must stop on that signal and flush its telemetry
//
// In flight. A request with in_flight: true is sent without waiting for its
// answer: verify goes on as soon as the server has read it, so the signal
// arrives while the server is serving it, as SIGTERM does when Kubernetes
// stops a pod in the middle of a request. Read, not only sent: net/http's
// Shutdown drops a request it has not read yet, so verify waits until the
// server's receive queue for that connection is empty (/proc/net/tcp; where
// that cannot be read, it goes on once the request is written). The answer
// and its status are checked after the program has exited; a server that
// drops the request fails the case with the error the client got. The
// output shows the order:
//
//	verify: GET /report: sent, in flight
//	verify: sent SIGTERM
//	verify: GET /report: 200 OK
//
// # Two programs
//
// Some examples are two commands a reader starts one after the other: a
// gateway, then a device that publishes to it. run.alongside runs such a
// second program of the same module beside the main one:
//
//	run:
//	  args: [-readings, "3"]       # the main program, the device
//	  alongside:
//	    - package: ./gateway       # a main package of the example's module
//	      args: []
//	      env: {LOG_LEVEL: debug}  # added to what the main program gets; no ${NAME}
//	      ready: {pattern: 'subscribed to'}
//	      stop_when: {pattern: '(reading[^\n]*\n(.|\n)*){3}'}
//
// verify builds the package (GOWORK=off, like the example), starts it with
// the case's environment plus its env, and polls its output until ready
// matches. Then the main program runs as usual. When it has exited, verify
// polls the output until stop_when matches (when given: messages may still
// be on their way), sends SIGINT, and waits for the exit, which must be
// status 0. Each of these waits is bounded by run.timeout. Both programs'
// telemetry carries the case's run id, so expectations see both, and a span
// of one may be the parent of a span of the other.
//
// What it printed follows the main program's output, under a line of its
// own, with verify's steps among its lines:
//
//	verify: output of ./gateway:
//	gateway: subscribed to sensors/+/readings
//	verify: ./gateway is ready
//	verify: sent SIGINT to ./gateway
//
// A program that does not build, exits before it is ready, or is not ready
// within run.timeout fails the case before the main program runs. One whose
// output never matches stop_when, that does not exit after SIGINT, or that
// exits with another status fails the case too, and the telemetry is still
// checked.
package verify
