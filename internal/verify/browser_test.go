package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"

	"oteldocs.dev/internal/spec"
)

// browserPage is what the test server serves: a field, a button whose
// fetch fails while offline, and the network state as the page sees it.
const browserPage = `<!doctype html><title>fixture</title>
<input id="name"><button id="go">Go</button><p id="log"></p><output id="net"></output>
<script>
const log = document.getElementById("log"), net = document.getElementById("net");
document.getElementById("name").addEventListener("input", e => log.dataset.text = "typed " + e.target.value);
document.getElementById("go").addEventListener("click", async () => {
  try { const r = await fetch("/ping"); log.dataset.text = "fetched " + await r.text(); }
  catch (e) { console.error("fetch failed:", e.message); log.dataset.failed = "yes"; }
});
const show = () => net.dataset.state = navigator.onLine ? "online" : "offline";
addEventListener("online", show); addEventListener("offline", show); show();
</script>`

// TestBrowserSteps plays run.browser steps in a real headless Chromium
// against a page served here: no Docker, no Collector.
func TestBrowserSteps(t *testing.T) {
	if os.Getenv("OTELDOCS_BROWSER") == "" {
		t.Skip("browser tests skipped: set OTELDOCS_BROWSER=1 to run them in headless Chromium (make browser installs it)")
	}
	h, err := startHeadless()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.close)
	addr := serveFixturePage(t)

	tests := []struct {
		name         string
		yaml         string
		wantOutput   []string // in order
		wantFailures []string // prefixes
	}{{
		name: "every step",
		yaml: `run:
  serve: {}
  browser:
    steps:
      - open: /
      - type: {selector: '#name', text: Ada}
      - wait: '#log[data-text="typed Ada"]'
      - network: offline
      - wait: '#net[data-state="offline"]'
      - click: '#go'
      - wait: '#log[data-failed]'
      - network: online
      - wait: '#net[data-state="online"]'
      - click: '#go'
      - wait: '#log[data-text="fetched pong"]'
`,
		wantOutput: []string{"verify: browser: open /\n", `verify: browser: type "Ada" into #name`,
			"verify: browser: network offline", "verify: browser: click #go",
			"browser: console error: fetch failed: Failed to fetch\n",
			"verify: browser: network online", `verify: browser: wait for #log[data-text="fetched pong"]`},
	}, {
		name: "a wait that never matches",
		yaml: `run:
  serve: {}
  browser:
    step_timeout: 1s
    steps:
      - open: /
      - wait: '#nothing'
      - click: '#go'
`,
		wantOutput:   []string{"verify: browser: wait for #nothing\n"},
		wantFailures: []string{"verify.yaml:7: run.browser.steps[1] wait for #nothing: not done within run.browser.step_timeout of 1s"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, err := spec.ParseBytes("verify.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			var out lockedBuffer
			failures := playBrowser(withHeadless(context.Background(), h), sp, addr, &out)
			got := string(out.Bytes())
			rest := got
			for _, w := range tt.wantOutput {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (after the lines before it):\n%s", w, got)
				}
				rest = rest[i+len(w):]
			}
			if strings.Contains(got, "click #go") && len(tt.wantFailures) > 0 {
				t.Errorf("a step after the failed one was played:\n%s", got)
			}
			if len(failures) != len(tt.wantFailures) {
				t.Fatalf("failures %q, want %q\noutput:\n%s", failures, tt.wantFailures, got)
			}
			for i, w := range tt.wantFailures {
				if !strings.HasPrefix(failures[i], w) || !strings.Contains(failures[i], "the page shows:\n  Go") {
					t.Errorf("failure %d:\n got %s\nwant %s... and the page's text", i, failures[i], w)
				}
			}
		})
	}
}

// serveFixturePage serves browserPage at / and "pong" at /ping until the
// test ends, and returns the address.
func serveFixturePage(t *testing.T) string {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, browserPage) })
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "pong") })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// Without Chromium, verify says what to do; a case that asks for the
// browser when none was started fails with its line.
func TestBrowserMissing(t *testing.T) {
	t.Setenv("OTELDOCS_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := startHeadless(); !errors.Is(err, errNoChromium) {
		t.Fatalf("startHeadless without chromium: %v, want errNoChromium", err)
	}
	if !strings.Contains(errNoChromium.Error(), "scripts/ensure-chromium.sh") {
		t.Errorf("errNoChromium does not say what to run: %v", errNoChromium)
	}
	sp, err := spec.ParseBytes("verify.yaml", []byte("run:\n  serve: {}\n  browser:\n    steps:\n      - open: /\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := playBrowser(context.Background(), sp, "127.0.0.1:1", &lockedBuffer{})
	if len(got) != 1 || !strings.HasPrefix(got[0], "verify.yaml:3: run.browser: no browser was started") {
		t.Errorf("failures %q, want one naming verify.yaml:3", got)
	}
}
