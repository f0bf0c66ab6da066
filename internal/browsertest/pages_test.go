package browsertest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// problems collects what went wrong in a tab: console errors, uncaught
// exceptions, browser log errors (a blocked resource, a CSP violation),
// requests that failed or left the site.
type problems struct {
	mu   sync.Mutex
	list []string
	urls map[network.RequestID]string
}

// watch starts collecting the problems of the tab ctx.
func watch(t testing.TB, ctx context.Context) *problems {
	t.Helper()
	p := &problems{urls: map[network.RequestID]string{}}
	err := chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, a.Description+string(a.Value))
				}
				p.add("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			desc := d.Text
			if d.Exception != nil {
				desc += " " + d.Exception.Description
			}
			p.add("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, desc)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				p.add("browser log error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			p.urls[ev.RequestID] = u
			if !strings.HasPrefix(u, served.url) && !strings.HasPrefix(u, "data:") {
				p.add("request outside the site: %s", u)
			}
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				p.add("request failed: %s: %s %s", p.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason)
			}
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 {
				p.add("HTTP %d for %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *problems) add(format string, args ...any) {
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// take returns the problems seen so far and forgets them.
func (p *problems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	l := p.list
	p.list = nil
	return l
}

// TestPagesLoadClean opens every page of the site, and the 404 page, and
// uses the search box on each (which loads search.json): no console error,
// no failed request, nothing fetched from another host.
func TestPagesLoadClean(t *testing.T) {
	site(t)
	ctx := tab(t)
	p := watch(t, ctx)
	pages := append(append([]string{}, served.pages...), "404.html")
	if len(pages) < 5 {
		t.Fatalf("only %d pages were built: %q", len(pages), pages)
	}
	for _, path := range pages {
		open(t, ctx, path)
		// Typing a query loads search.json and draws results.
		eval[bool](t, ctx, `(async () => {
			const input = document.querySelector("form.search input");
			input.focus(); input.value = "trace";
			input.dispatchEvent(new Event("input"));
			for (let i = 0; i < 100 && !document.querySelector(".search-results li"); i++) await new Promise(r => setTimeout(r, 20));
			return true })()`)
		if l := p.take(); len(l) > 0 {
			t.Errorf("/%s:\n  %s", path, strings.Join(l, "\n  "))
		}
	}
	t.Logf("%d pages opened", len(pages))
}
