# Two commands do everything:
#   make serve   build the site and serve it at http://127.0.0.1:8080
#   make test    unit tests, example builds, images, integration tests,
#                verify (every example against a real Collector), site build,
#                browser tests (headless Chromium)
#
# go.work is for editors only: every build here uses each module's own
# go.mod (GOWORK=off), as a reader's copy of an example would.
export GOWORK := off
export TESTCONTAINERS_RYUK_DISABLED := true
ifneq ($(wildcard /.dockerenv),)
export TESTCONTAINERS_HOST_OVERRIDE ?= 127.0.0.1
endif

GO ?= go
EXAMPLES := $(sort $(dir $(wildcard examples/*/go.mod)))

.PHONY: all site serve test unit lint examples docker qemu gcc images integration verify browser otelcol-tidy bench fuzz clean bump deprecations

all: site

site:
	$(GO) run ./cmd/docgen build

serve:
	$(GO) run ./cmd/docgen serve

test: unit gcc examples docker qemu images integration verify site browser

unit: lint
	$(GO) vet ./...
	$(GO) test ./...

# gofmt, and the GitHub workflow checked by actionlint.
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 .github/workflows/ci.yml .github/workflows/newest.yml

# Every example module compiles on its own.
examples:
	@set -e; for d in $(EXAMPLES); do \
		echo "examples: $$d"; \
		(cd $$d && $(GO) vet ./... && $(GO) build -o /dev/null .); \
	done

# Move every example to the newest OpenTelemetry releases and tidy it
# (internal/lockstep; its test fails when one example drifts from the others).
bump:
	$(GO) run ./cmd/bump

# Uses of deprecated API in the examples (staticcheck's SA1019): the
# scheduled workflow runs it after make bump, so a deprecation shows up
# before readers meet it.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
deprecations:
	@set -e; for d in $(EXAMPLES); do \
		echo "deprecations: $$d"; \
		(cd $$d && $(GO) run $(STATICCHECK) -checks SA1019 ./...); \
	done

docker:
	@bash scripts/ensure-docker.sh

# gcc: cgo and the C host of examples/mobile-cshared need a C compiler.
gcc:
	@bash scripts/ensure-gcc.sh

# qemu-user-static: verify runs the examples built for arm and arm64 under it.
qemu:
	@bash scripts/ensure-qemu.sh

images: docker
	$(GO) run ./cmd/images

# Tests that start containers: the Collector, Postgres and Mosquitto
# packages, verify against deliberately broken examples, and the quick
# start's download run as its README says (internal/ziprun). -p 1: they
# check that no container is left behind, which only holds when one package
# at a time uses the engine (testcontainers' session id is shared by the
# packages of one go test).
integration: images
	OTELDOCS_INTEGRATION=1 $(GO) test -count=1 -p 1 ./testcontainers/... ./internal/verify/... ./internal/ziprun/...

verify: images
	$(GO) run ./cmd/verify $(if $(RUN),-run '$(RUN)')

# The built site in headless Chromium (internal/browsertest): every page
# loads clean, search, theme, copy, downloads; screenshots in
# build/screenshots. scripts/ensure-chromium.sh installs Debian's chromium.
browser:
	@bash scripts/ensure-chromium.sh
	OTELDOCS_BROWSER=1 $(GO) test -count=1 ./internal/browsertest/

# The Collector distribution is embedded data (testcontainers/collector/_otelcol,
# go.mod and go.sum stored as go.mod.txt and go.sum.txt). After editing it,
# tidy it as a module in a temporary folder and copy go.mod and go.sum back.
# The collector integration test fails while it is not tidy.
OTELCOL := testcontainers/collector/_otelcol
otelcol-tidy:
	@set -e; d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	cp $(OTELCOL)/main.go "$$d/main.go"; \
	cp $(OTELCOL)/go.mod.txt "$$d/go.mod"; cp $(OTELCOL)/go.sum.txt "$$d/go.sum"; \
	(cd "$$d" && $(GO) mod tidy); \
	cp "$$d/go.mod" $(OTELCOL)/go.mod.txt; cp "$$d/go.sum" $(OTELCOL)/go.sum.txt

# Benchmarks, not tests: nothing here fails on a number. The site ones run
# on a generated corpus of 1,000 pages (internal/corpus): docgen against
# Hugo on the same Markdown in paired runs (hugo/docgen is how many times
# faster docgen is; Debian's hugo is installed if missing), a one-page edit
# under docgen serve (save to reload event), a whole build in memory; then
# every other benchmark (search, page weight, ...).
SITEBENCH := DocgenVsHugo|ServeEdit|GenerateCorpus
bench:
	@bash scripts/ensure-hugo.sh
	$(GO) test -run '^$$' -bench '$(SITEBENCH)' -benchtime 5x -benchmem ./internal/docgen/
	$(GO) test -run '^$$' -bench . -skip '$(SITEBENCH)' -benchmem ./...

# Each parser for 30 s (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzExtract -fuzztime 30s ./internal/region/
	$(GO) test -run '^$$' -fuzz FuzzParseInfo -fuzztime 30s ./internal/snippet/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./internal/markdown/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./internal/spec/

clean:
	rm -rf public build
