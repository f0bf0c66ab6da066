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
package verify
