package browsertest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestSearchLandsOnHeading searches for every question of the FAQ by the
// words of its heading, and expects the first result to be that heading:
// a link to page#anchor showing the heading's text and the page's title.
// Then it types one question's words as a reader does, presses Enter, and
// expects the page to open scrolled to that heading.
func TestSearchLandsOnHeading(t *testing.T) {
	site(t)
	idx := readSearchJSON(t)
	ctx := tab(t)
	p := watch(t, ctx)
	open(t, ctx, quickstart)
	var asked []heading
	for _, page := range idx.P {
		if !strings.HasPrefix(page.U, "faq/") {
			continue
		}
		for _, h := range page.H {
			asked = append(asked, heading{text: h[0], id: h[1], url: page.U, title: page.T})
		}
	}
	if len(asked) == 0 {
		t.Fatal("search.json has no heading under faq/: the FAQ's questions must be headings")
	}
	for _, h := range asked {
		search(t, ctx, h.text)
		got := eval[[]string](t, ctx, `(() => { const a = document.querySelector(".search-results a"); return a ? [a.getAttribute("href"), a.firstChild.textContent, a.querySelector("small").textContent] : ["", "", ""] })()`)
		if !strings.HasSuffix(got[0], h.url+"#"+h.id) || got[1] != h.text || !strings.HasSuffix(got[2], h.title) {
			t.Errorf("searching %q: first result %q (%q, %q), want a link to %s#%s showing the heading and %q", h.text, got[0], got[1], got[2], h.url, h.id, h.title)
		}
	}

	// A few words of a question, as a reader types them, rank its heading
	// first.
	for _, q := range []struct{ query, url, id string }{
		{"conflicting schema url", "faq/setup/", "schema-url"},
		{"spans not connected", "faq/traces/", "not-connected"},
		{"duplicate metric stream", "faq/metrics/", "duplicate-streams"},
		{"attributes current span", "faq/traces/", "current-span"},
		{"flush lambda", "faq/setup/", "flush-lambda"},
		{"context canceled", "faq/export/", "context-canceled"},
	} {
		search(t, ctx, q.query)
		if first := eval[string](t, ctx, `document.querySelector(".search-results a").getAttribute("href")`); !strings.HasSuffix(first, q.url+"#"+q.id) {
			t.Errorf("searching %q: first result %q, want %s#%s", q.query, first, q.url, q.id)
		}
	}

	// As a reader: type the words, press Enter, land on the heading.
	h := asked[len(asked)/2]
	search(t, ctx, "")
	run(t, ctx, "type "+h.text, chromedp.KeyEvent(h.text))
	firstResult(t, ctx)
	run(t, ctx, "press Enter", chromedp.KeyEvent("\r"))
	// The page changes under the poll, which then fails with "Cannot find
	// context": poll again until the new page answers.
	landed := `location.pathname.endsWith("/` + h.url + `") && location.hash === "#` + h.id + `" && document.readyState === "complete"`
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](landed))
		if err == nil && ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after Enter on %q: not on %s#%s within 10s (last error: %v)", h.text, h.url, h.id, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	onScreen := eval[bool](t, ctx, `(() => { const e = document.getElementById(`+jsString(h.id)+`); if (!e || e.tagName !== "H2") return false; const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight })()`)
	if !onScreen {
		t.Errorf("after Enter on %q: #%s is not an <h2> at the top of the window", h.text, h.id)
	}
	if l := p.take(); len(l) > 0 {
		t.Errorf("while searching:\n  %s", strings.Join(l, "\n  "))
	}
	t.Logf("%d questions found by their headings; %q landed on %s#%s", len(asked), h.text, h.url, h.id)
}

// heading is a heading of search.json with its page.
type heading struct{ text, id, url, title string }

// search sets the search box to q as typing would and waits until the
// results are drawn (or hidden, for an empty q).
func search(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const i = document.querySelector("form.search input"); i.focus(); i.value = `+jsString(q)+`; i.dispatchEvent(new Event("input")); return true })()`)
	if q != "" {
		run(t, ctx, "wait for results of "+q, chromedp.Poll[bool](`!!document.querySelector(".search-results li")`))
	}
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
