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
//
// # Other architectures
//
// A case may build the program for Linux on another architecture and run
// it there, to show what a device build costs:
//
//	---
//	case: arm
//	needs: [mqtt]
//	run:
//	  arch: arm                    # amd64, arm (built with GOARM=7) or arm64
//	  sizes: [./bare]              # more main packages whose sizes to report
//
// verify builds the program with CGO_ENABLED=0 GOOS=linux GOARCH=<arch>,
// once as is and once stripped (-ldflags="-s -w"), and each package of
// run.sizes the same way, and prints the sizes in bytes before the
// program's output. When the arch is not the host's, it runs the program
// under Debian's qemu-user-static emulator, called by name
// (qemu-arm-static, qemu-aarch64-static, qemu-x86_64-static; binfmt_misc is
// not needed). After the run it prints the peak resident memory the kernel
// reports (getrusage's maxrss), which under the emulator includes the
// emulator's own:
//
//	verify: built for linux/arm (GOARM=7) with CGO_ENABLED=0 (size in bytes)
//	verify: size of .          19192396   stripped (-ldflags="-s -w")   13435042
//	verify: running under qemu-arm-static
//	verify: peak resident memory (getrusage maxrss) 40188 KiB, the emulator's own memory included
//
// A missing emulator fails the case with what to install (`make test`
// installs it through scripts/ensure-qemu.sh). run.arch runs the main
// program only: it does not combine with run.serve or run.alongside.
//
// # Builds before the run
//
// Some programs are not the example's Go program alone: a wasm module its
// host loads, a C host that loads the example built as a C shared library.
// run.build lists commands run in the example's folder, in order, after the
// example compiled and before the program runs; run.program then runs
// instead of the example's Go program, with run.args:
//
//	run:
//	  build:
//	    - cmd: [go, build, -buildmode=c-shared, -o, '${BUILD}/libwork.so', .]
//	    - cmd: [gcc, -o, '${BUILD}/host', host.c, '-L${BUILD}', -lwork]
//	      env: {CGO_ENABLED: "1"}  # added to verify's environment
//	  program: ${BUILD}/host
//
// ${BUILD} is a fresh folder of the run for what they make (the example's
// folder is the source the page shows, and stays clean); it expands in cmd,
// env values, run.program and run.args, and no other ${NAME} does. A command
// runs as written (no shell) with GOWORK=off and GOFLAGS=-mod=readonly, as
// the example's own build. The output starts with each command as written:
//
//	verify: run.build: go build -buildmode=c-shared -o ${BUILD}/libwork.so .
//
// A command that fails, or is not installed, fails the case before the
// program runs, with the line of verify.yaml and what the command printed.
// run.program does not combine with run.arch.
//
// # A browser
//
// A served example may be a web page. run.browser opens what the program
// serves in a headless Chromium and plays steps, as a reader clicks through
// the page; the page's own telemetry goes from the browser to the Collector:
//
//	collector:
//	  cors_allowed_origins: ['http://127.0.0.1:*']  # the page's origin may send OTLP/HTTP
//	run:
//	  serve: {ready: /}
//	  browser:
//	    wasm: {package: ./wasm, out: web/main.wasm}  # built for js/wasm first
//	    step_timeout: 30s          # bounds each step (default 30s)
//	    steps:
//	      - open: /                # a path of the served program
//	      - wait: 'output[data-sent]'  # until an element matches a CSS selector
//	      - type: {selector: '#name', text: Ada}  # key by key: one input event each
//	      - click: '#echo'
//	      - network: offline       # every request fails, navigator.onLine is false
//	      - network: online
//
// The steps run after run.serve.requests and before the signal, in a tab
// with a browser context of its own (no storage shared with another case).
// A step that fails, or is not done within step_timeout, fails the case with
// its line and the text the page shows; the later steps are not played, and
// the telemetry is still checked. Each step, and every line the page writes
// to its console (console calls, uncaught exceptions, and the browser's own
// messages such as a CORS refusal), joins the output, where run.output
// matchers see them:
//
//	verify: browser: click #echo
//	browser: console error: Access to fetch at 'http://127.0.0.1:33038/v1/traces' from origin 'http://127.0.0.1:37389' has been blocked by CORS policy: ...
//
// Chromium is started once per run, when some case has run.browser, and
// closed with the containers. It is OTELDOCS_CHROMIUM, or chromium on PATH;
// without either, verify stops and says to run scripts/ensure-chromium.sh
// (`make test` runs it). It runs on the host: the page reaches the served
// program and the Collector's published ports on 127.0.0.1.
//
// The Collector's HTTP receiver allows no cross-origin request unless the
// case lists origins in collector.cors_allowed_origins ("*" stands for any
// characters); such a case gets a Collector of its own. Without it the
// browser refuses to send, and nothing from the page arrives.
//
// run.browser.wasm builds a main package with GOOS=js GOARCH=wasm (after
// go vet for that platform), stripped (-ldflags="-s -w"), into out, copies
// the wasm_exec.js of the same Go beside it, and reports the sizes before
// the program's output: as built, stripped, and stripped then compressed
// with gzip -9 and brotli quality 6. Each example builds it once per run.
//
//	verify: built ./wasm for js/wasm with go1.26.8 (size in bytes)
//	verify:   plain                          28176899
//	verify:   stripped (-ldflags="-s -w")     27337440  served as web/main.wasm
//
// # A fixed address
//
// Some services answer at an address no variable can change: Azure's
// Instance Metadata Service is 169.254.169.254, and the azurevm detector
// asks only there. Changing the host's route to that address would take it
// from every other program on the machine, so a case runs its program
// inside the network namespace of the service's container instead:
//
//	---
//	case: vm
//	needs: [azure-metadata]        # the emulator, with 169.254.169.254 on its loopback
//	run:
//	  netns: azure-metadata        # run the program in that container's namespace
//
// The service adds the address to its own container's loopback interface
// when it starts; verify runs the program from the host's files with
// nsenter --net (util-linux), which enters the namespace and executes it,
// so signals and the exit status are the program's. Entering a namespace
// needs root: a verify that is not root goes through sudo -n (sudo without
// a password, as on GitHub's runners), and nsenter switches back to
// verify's user before it executes the program. Inside, the host is
// the container network's gateway: verify rewrites the addresses it gives
// (the OTLP endpoints, the services' variables such as GCE_METADATA_HOST)
// from 127.0.0.1 to it. The host's own routes do not change. no-metadata is
// the other such service: a namespace where 169.254.169.254 drops every
// packet, as a network off any cloud may, to see how detectors behave
// there.
// run.netns runs the main program alone: it does not combine with
// run.serve, run.alongside or run.arch.
//
// # Inside a service's container
//
// A Kubernetes pod has files at fixed paths (its service account's token
// and CA under /var/run/secrets/kubernetes.io/serviceaccount) and a
// container id in /proc/self/cgroup; the EKS detector needs both. A case
// runs its program inside the container of a service that has them:
//
//	---
//	case: eks
//	needs: [eks-api]               # a Kubernetes API over TLS, with the pod's files
//	run:
//	  container: eks-api           # run the program in that container
//
// verify builds the example once more as a static binary (CGO_ENABLED=0),
// copies it into the container (/oteldocs-example/<id>) and runs it with
// docker exec, which gives back its output and exit status. The program
// gets the variables verify gives and those of run.env, not the rest of
// verify's own environment, which describes the host; the addresses among
// them are rewritten to the container network's gateway, as for run.netns.
// run.container runs the example's main program alone: it does not combine
// with run.serve, run.alongside, run.arch, run.netns, run.program or
// run.test.
//
// # Deploy files
//
// An example may ship files that are not run but must work: a Dockerfile, a
// Collector configuration for production. The first document of verify.yaml
// lists them, with paths relative to the example's folder:
//
//	deploy:
//	  dockerfile: Dockerfile       # built with docker build, the folder as context
//	  collector_configs:           # each checked by the Collector's validate command
//	    - collector/agent.yaml
//	    - collector/gateway.yaml
//
// No registry is reachable, so golang images cannot be pulled: verify builds
// a Go builder image from the host's toolchain (oteldocs.dev/testcontainers/gobuilder:
// GOROOT and CA certificates in a FROM scratch image, no shell) and passes
// it as the build argument GO_IMAGE. The Dockerfile starts its build stage
// with ARG GO_IMAGE=golang:1.26 and FROM ${GO_IMAGE}, and writes RUN in exec
// form. The build uses the host's network, so go mod download reaches the
// module proxy; the image is removed afterwards. Each Collector
// configuration runs through `validate --config` of the same Collector
// image that receives the telemetry, so a component the distribution lacks,
// or a misspelt field, fails the example:
//
//	examples/production/verify.yaml:9: deploy.collector_configs[1] collector/gateway.yaml: the Collector's validate command refused it: Error: failed to get config: ... 'memorylimiter.Config' has invalid keys: limit_percentag
//
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
