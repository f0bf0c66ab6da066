package browsertest

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"oteldocs.dev/internal/results"
)

// quickstart is a page every test here may rely on.
const quickstart = "get-started/quickstart/"

// TestSearchFindsBodyWord presses "/", types a word that occurs only in
// the prose of the quick start (in no title, heading or other page), and
// expects the quick start as the first result.
func TestSearchFindsBodyWord(t *testing.T) {
	site(t)
	word := bodyOnlyWord(t, quickstart)
	ctx := tab(t)
	p := watch(t, ctx)
	open(t, ctx, "otlp/http/")
	pressSlash(t, ctx)
	if !eval[bool](t, ctx, `document.activeElement === document.querySelector("form.search input")`) {
		t.Fatal(`"/" did not focus the search box`)
	}
	if v := eval[string](t, ctx, `document.querySelector("form.search input").value`); v != "" {
		t.Fatalf(`"/" focused the search box and was typed into it: %q`, v)
	}
	run(t, ctx, "type "+word, chromedp.KeyEvent(word))
	if first := firstResult(t, ctx); !strings.HasSuffix(first, "/"+quickstart) {
		t.Errorf("searching %q: first result %q, want the page %s", word, first, quickstart)
	} else {
		t.Logf("%q found %s", word, first)
	}

	// A word in one page's title and in other pages' prose: the page with
	// it in its title comes first.
	word, title := titleAndBodyWord(t)
	eval[bool](t, ctx, `(() => { const i = document.querySelector("form.search input"); i.value = ""; i.dispatchEvent(new Event("input")); return true })()`)
	run(t, ctx, "type "+word, chromedp.KeyEvent(word))
	if first := firstResult(t, ctx); !strings.HasSuffix(first, "/"+title) {
		t.Errorf("searching %q: first result %q, want %s, whose title has the word", word, first, title)
	} else {
		t.Logf("%q ranks %s, whose title has it, first", word, first)
	}
	if l := p.take(); len(l) > 0 {
		t.Errorf("while searching:\n  %s", strings.Join(l, "\n  "))
	}
}

// pressSlash presses "/" as a keyboard does: one keyDown that carries the
// text, so that a handler's preventDefault keeps the character out, as in
// a real browser. (chromedp.KeyEvent sends the text as a separate char
// event, which preventDefault on keydown does not stop.)
func pressSlash(t *testing.T, ctx context.Context) {
	t.Helper()
	for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
		p := input.DispatchKeyEventParams{Type: typ, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191, NativeVirtualKeyCode: 191}
		if typ == input.DispatchKeyEventTypeKeyDown {
			p.Text, p.UnmodifiedText = "/", "/"
		}
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, p); err != nil {
			t.Fatal(err)
		}
	}
}

// firstResult waits for the search results and returns the link of the
// first, or the text of the list when it has no link.
func firstResult(t *testing.T, ctx context.Context) string {
	t.Helper()
	run(t, ctx, "wait for results", chromedp.Poll[bool](`!!document.querySelector(".search-results li")`))
	return eval[string](t, ctx, `(() => { const a = document.querySelector(".search-results a"); return a ? a.href : document.querySelector(".search-results").textContent })()`)
}

// searchJSON is search.json as the tests read it.
type searchJSON struct {
	P []searchPage
	W map[string][]int
}

// searchPage is a page of search.json: each heading is ["text", "id"].
type searchPage struct {
	T, U, D string
	H       [][2]string
}

// headings returns the text of the page's headings, joined by spaces.
func (p searchPage) headings() string {
	var texts []string
	for _, h := range p.H {
		texts = append(texts, h[0])
	}
	return strings.Join(texts, " ")
}

func readSearchJSON(t *testing.T) searchJSON {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(served.dir, "public", "search.json"))
	if err != nil {
		t.Fatal(err)
	}
	var idx searchJSON
	if err := json.Unmarshal(data, &idx); err != nil {
		t.Fatal(err)
	}
	return idx
}

// titleAndBodyWord returns a word of one page's title that is in no other
// title and no heading, and that the prose of two pages before it in
// reading order has (reading order breaks ties), with the URL of that page.
func titleAndBodyWord(t *testing.T) (word, url string) {
	t.Helper()
	idx := readSearchJSON(t)
	for i, p := range idx.P {
		for _, w := range strings.Fields(strings.ToLower(p.T)) {
			if len(w) < 4 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
				continue
			}
			// Pages before it in reading order, which win a tie.
			others, n := 0, 0
			for _, d := range idx.W[w] {
				if n += d; n < i {
					others++
				}
			}
			clash := false
			for j, q := range idx.P {
				text := strings.ToLower(q.headings())
				if j != i {
					text += " " + strings.ToLower(q.T)
				}
				clash = clash || strings.Contains(text, w)
			}
			if others >= 2 && !clash {
				return w, p.U
			}
		}
	}
	t.Fatal("no word of a title is in other pages' prose only")
	return "", ""
}

// bodyOnlyWord returns a word of the page's prose, read from search.json,
// that no other page has and that begins no word of any title, heading,
// description or other page's prose: only the body index can find it.
func bodyOnlyWord(t *testing.T, url string) string {
	t.Helper()
	idx := readSearchJSON(t)
	target := -1
	for i, p := range idx.P {
		if p.U == url {
			target = i
		}
	}
	if target < 0 {
		t.Fatalf("search.json has no page %s", url)
	}
	var meta []string
	for _, p := range idx.P {
		meta = append(meta, strings.Fields(strings.ToLower(p.T+" "+p.D+" "+p.headings()))...)
	}
	only := func(w string) bool {
		for v, ds := range idx.W {
			if strings.HasPrefix(v, w) && (len(ds) != 1 || ds[0] != target) {
				return false
			}
		}
		return !slices.ContainsFunc(meta, func(m string) bool { return strings.Contains(m, w) })
	}
	words := make([]string, 0, len(idx.W))
	for w := range idx.W {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		if len(w) >= 7 && strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") == "" && only(w) {
			return w
		}
	}
	t.Fatalf("no word only in the prose of %s", url)
	return ""
}

// TestThemeToggle clicks the toggle: the page switches to the other
// theme (its background changes), and a reload keeps the choice.
func TestThemeToggle(t *testing.T) {
	site(t)
	ctx := tab(t)
	open(t, ctx, "")
	const state = `[document.documentElement.dataset.theme || "", getComputedStyle(document.body).backgroundColor].join(" ")`
	before := eval[string](t, ctx, state)
	run(t, ctx, "click the toggle", chromedp.Click(chromedp.CSS(".theme-toggle"), chromedp.NodeVisible))
	after := eval[string](t, ctx, state)
	if after == before || !strings.HasPrefix(after, "dark ") {
		t.Fatalf("theme and background before the click %q, after %q: want the dark theme and another background", before, after)
	}
	run(t, ctx, "reload", chromedp.Reload())
	ready(t, ctx)
	if reloaded := eval[string](t, ctx, state); reloaded != after {
		t.Errorf("after a reload %q, want %q as before it", reloaded, after)
	}
	run(t, ctx, "click the toggle again", chromedp.Click(chromedp.CSS(".theme-toggle"), chromedp.NodeVisible))
	if back := eval[string](t, ctx, state); back != before && !strings.HasPrefix(back, "light ") {
		t.Errorf("after a second click %q, want the light theme", back)
	}
}

// TestCopyButton clicks the first copy button of the quick start and reads
// the clipboard back: it holds that block's code.
func TestCopyButton(t *testing.T) {
	site(t)
	ctx := tab(t)
	for _, perm := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: perm},
			Setting:    browser.PermissionSettingGranted,
			Origin:     strings.TrimSuffix(served.url, "/"),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, quickstart)
	want := eval[string](t, ctx, `document.querySelector(".code pre code").textContent`)
	if len(want) < 20 {
		t.Fatalf("the first code block holds %q", want)
	}
	run(t, ctx, "click Copy", chromedp.Click(chromedp.CSS(".code .copy"), chromedp.NodeVisible))
	run(t, ctx, "wait for Copied", chromedp.Poll[bool](`document.querySelector(".code .copy").textContent === "Copied"`))
	got := eval[string](t, ctx, `navigator.clipboard.readText()`)
	if got != want {
		t.Errorf("clipboard holds %q, want the block's code %q", got, want)
	}
}

// TestDownloadBuilds clicks the quick start's first link to a zip, lets
// the browser download it, unpacks it and builds the module in it on its
// own (GOWORK=off).
func TestDownloadBuilds(t *testing.T) {
	site(t)
	ctx := tab(t)
	downloads := t.TempDir()
	done := make(chan string, 1)
	err := chromedp.ListenBrowser(ctx, func(ev any) {
		if ev, ok := ev.(*browser.EventDownloadProgress); ok && ev.State == browser.DownloadProgressStateCompleted {
			select {
			case done <- ev.GUID:
			default:
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	events := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: &events,
	}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, quickstart)
	href := eval[string](t, ctx, `(document.querySelector('a[href$=".zip"]') || {}).href || ""`)
	if href == "" {
		t.Fatalf("%s links to no zip", quickstart)
	}
	run(t, ctx, "click the zip link", chromedp.Click(chromedp.CSS(`a[href$=".zip"]`), chromedp.NodeVisible))
	var guid string
	select {
	case guid = <-done:
	case <-ctx.Done():
		t.Fatalf("the download of %s did not complete", href)
	}
	data, err := os.ReadFile(filepath.Join(downloads, guid))
	if err != nil {
		t.Fatalf("the download of %s: %v", href, err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", href, err)
	}
	dir := t.TempDir()
	var module string
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Base(p) == "go.mod" {
			module = filepath.Dir(p)
		}
	}
	if module == "" {
		t.Fatalf("%s holds no go.mod", href)
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = module
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build in the unpacked %s: %v\n%s", href, err, out)
	}
	t.Logf("%s unpacks into a module that builds", href)
}

// TestWaterfallBars checks that every bar of every trace waterfall is drawn
// with a width, its details opened as a reader would. Without verify's
// results (make verify first) the pages have no telemetry panel to check.
func TestWaterfallBars(t *testing.T) {
	site(t)
	if _, err := os.Stat(filepath.Join(repoRoot, results.DefaultPath)); err != nil {
		t.Skipf("no waterfall to check: %s is missing (run make verify first)", results.DefaultPath)
	}
	ctx := tab(t)
	found := 0
	for _, path := range served.pages {
		open(t, ctx, path)
		widths := eval[[]float64](t, ctx, `(() => {
			document.querySelectorAll("details").forEach(d => d.open = true);
			return Array.from(document.querySelectorAll(".wf .wf-row rect.bar")).map(b => b.getBoundingClientRect().width);
		})()`)
		for i, w := range widths {
			if w <= 0 {
				t.Errorf("/%s: waterfall bar %d has width %v", path, i, w)
			}
		}
		found += len(widths)
	}
	if found == 0 {
		t.Errorf("no page drew a waterfall bar (.wf .wf-row rect.bar), though %s exists", results.DefaultPath)
	}
	t.Logf("%d waterfall bars, each with a width", found)
}

// TestScreenshots saves the home page and two chapters, light and dark,
// under build/screenshots.
func TestScreenshots(t *testing.T) {
	site(t)
	out := filepath.Join(repoRoot, "build", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := tab(t)
	for _, path := range []string{"", quickstart, "data-model/spans/"} {
		for _, theme := range []string{"light", "dark"} {
			open(t, ctx, path)
			eval[bool](t, ctx, `localStorage.setItem("theme", "`+theme+`"), true`)
			open(t, ctx, path)
			if got := eval[string](t, ctx, `document.documentElement.dataset.theme || ""`); got != theme {
				t.Fatalf("/%s: theme %q after choosing %q", path, got, theme)
			}
			png := run(t, ctx, "screenshot", chromedp.FullScreenshot(100))
			name := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")
			if name == "" {
				name = "home"
			}
			file := filepath.Join(out, name+"-"+theme+".png")
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s (%d bytes)", file, len(png))
		}
	}
}
