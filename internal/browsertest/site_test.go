package browsertest

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"oteldocs.dev/internal/docgen"
)

// repoRoot is the repository, from this package's folder.
const repoRoot = "../.."

// served is the site built once for the whole package, and the browser.
var served struct {
	once    sync.Once
	err     error
	dir     string // the built site
	url     string // http://127.0.0.1:PORT/
	pages   []string
	browser context.Context
	stop    []context.CancelFunc // closes the browser and removes its profile folder
}

// TestMain stops the browser and removes the built site once every test
// has run.
func TestMain(m *testing.M) {
	code := m.Run()
	for i := len(served.stop) - 1; i >= 0; i-- {
		served.stop[i]()
	}
	if served.dir != "" {
		os.RemoveAll(served.dir)
	}
	os.Exit(code)
}

// site builds the site and starts the browser, once; it skips the test
// when OTELDOCS_BROWSER is not set.
func site(t testing.TB) {
	t.Helper()
	if os.Getenv("OTELDOCS_BROWSER") == "" {
		t.Skip("browser tests skipped: set OTELDOCS_BROWSER=1 to run them in headless Chromium (make browser installs it)")
	}
	served.once.Do(func() { served.err = start() })
	if served.err != nil {
		t.Fatal(served.err)
	}
}

func start() error {
	dir, err := os.MkdirTemp("", "oteldocs-browser-")
	if err != nil {
		return err
	}
	served.dir = dir
	out := filepath.Join(dir, "public")
	if err := docgen.Build(docgen.Config{Root: repoRoot, Out: out}); err != nil {
		return err
	}
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "index.html" {
			rel, _ := filepath.Rel(out, filepath.Dir(p))
			served.pages = append(served.pages, strings.TrimPrefix(filepath.ToSlash(rel)+"/", "./"))
		}
		return err
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go http.Serve(ln, http.FileServer(http.Dir(out))) //nolint:errcheck // ends with the test binary
	served.url = "http://" + ln.Addr().String() + "/"

	exe := os.Getenv("OTELDOCS_CHROMIUM")
	if exe == "" {
		if exe, err = exec.LookPath("chromium"); err != nil {
			return err
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1280, 900),
	)
	alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, stopBrowser := chromedp.NewContext(alloc)
	served.stop = append(served.stop, stopAlloc, stopBrowser)
	// The first Run starts the browser, which lives as long as browser.
	if _, err := chromedp.Run(browser, chromedp.Navigate("about:blank")); err != nil {
		return err
	}
	served.browser = browser
	return nil
}

// tab opens a new tab of the shared browser, closed when the test ends.
func tab(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(served.browser)
	t.Cleanup(cancel)
	// A first action attaches the tab; later ones get a time limit.
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// run runs an action, failing the test on error.
func run[T any](t testing.TB, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression (awaiting a promise) on the page.
func eval[T any](t testing.TB, ctx context.Context, js string) T {
	t.Helper()
	return run(t, ctx, js, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// open navigates to the page at path under the site and waits until the
// document and its deferred script have run.
func open(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	run(t, ctx, "open "+path, chromedp.Navigate(served.url+path))
	ready(t, ctx)
}

// ready waits until the document has loaded and its deferred script has
// run. Right after a navigation the page's old JavaScript context may be
// gone before the new one is known: such an error is tried again.
func ready(t testing.TB, ctx context.Context) {
	t.Helper()
	var err error
	for range 50 {
		if _, err = chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the page did not finish loading: %v", err)
}
