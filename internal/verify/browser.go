package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"oteldocs.dev/internal/spec"
)

// headless is the Chromium of one verify run: started once, when some
// case has run.browser, and closed with the containers. Each case gets a
// tab in a browser context of its own, so no storage is shared.
type headless struct {
	ctx     context.Context // the browser's chromedp context
	stop    []context.CancelFunc
	version string
}

// errNoChromium says what to do when there is no browser to start.
var errNoChromium = errors.New("run.browser needs Chromium: there is no chromium on PATH and OTELDOCS_CHROMIUM is not set; run scripts/ensure-chromium.sh as root on Debian (make test does), or set OTELDOCS_CHROMIUM to a Chromium or Chrome binary")

// startHeadless starts Chromium (OTELDOCS_CHROMIUM, or chromium on PATH)
// with a temporary profile, which chromedp removes when it is closed.
func startHeadless() (*headless, error) {
	exe := os.Getenv("OTELDOCS_CHROMIUM")
	if exe == "" {
		var err error
		if exe, err = exec.LookPath("chromium"); err != nil {
			return nil, errNoChromium
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
	)
	alloc, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, stopBrowser := chromedp.NewContext(alloc)
	h := &headless{ctx: ctx, stop: []context.CancelFunc{stopAlloc, stopBrowser}}
	// The first call starts the browser, which lives as long as ctx.
	v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		h.close()
		return nil, fmt.Errorf("start %s: %w", exe, err)
	}
	h.version = v.Product
	return h, nil
}

// close stops the browser and removes its profile.
func (h *headless) close() {
	for i := len(h.stop) - 1; i >= 0; i-- {
		h.stop[i]()
	}
	h.stop = nil
}

type headlessKey struct{}

// withHeadless gives the cases run under ctx the run's browser.
func withHeadless(ctx context.Context, h *headless) context.Context {
	return context.WithValue(ctx, headlessKey{}, h)
}

// playBrowser opens a tab on the served program at addr and plays
// run.browser.steps in order, each bounded by ctx. Each step, and what the
// page writes to its console, is logged to out. It returns a failure naming
// the line of the first step that failed; the later steps are not played.
func playBrowser(ctx context.Context, sp *spec.Spec, addr string, out io.Writer) []string {
	b := sp.Run.Browser
	h, _ := ctx.Value(headlessKey{}).(*headless)
	if h == nil {
		return []string{fmt.Sprintf("%s:%d: run.browser: no browser was started for this run", sp.Path, b.Line)}
	}
	tab, closeTab := chromedp.NewContext(h.ctx, chromedp.WithNewBrowserContext(), chromedp.WithListener(consoleTo(out)))
	defer closeTab()
	// The tab's first call opens it; a deadline on it would close the tab.
	if _, err := chromedp.Run(tab, chromedp.Navigate("about:blank")); err != nil {
		return []string{fmt.Sprintf("%s:%d: run.browser: open a tab: %v", sp.Path, b.Line, err)}
	}
	stepCtx, cancel := context.WithCancel(tab)
	defer cancel()
	stopOnDone := context.AfterFunc(ctx, cancel) // run.timeout, or Ctrl-C
	defer stopOnDone()
	base := "http://" + addr
	for i, st := range b.Steps {
		fmt.Fprintf(out, "verify: browser: %s\n", st)
		if err := timedStep(stepCtx, st, base, b.StepTimeout.Duration); err != nil {
			if ctx.Err() != nil {
				err = fmt.Errorf("not done within run.timeout: %w", err)
			}
			return []string{fmt.Sprintf("%s:%d: run.browser.steps[%d] %s: %v\n%s", sp.Path, st.Line, i, st, err, pageText(tab))}
		}
	}
	return nil
}

// timedStep plays one step within timeout.
func timedStep(ctx context.Context, st *spec.BrowserStep, base string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := step(ctx, st, base)
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		err = fmt.Errorf("not done within run.browser.step_timeout of %s: %w", timeout, err)
	}
	return err
}

// pageText is the text the page shows, for a failure message.
func pageText(tab context.Context) string {
	ctx, cancel := context.WithTimeout(tab, 5*time.Second)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText : ''"))
	if err != nil {
		return "the page's text could not be read: " + err.Error()
	}
	return "the page shows:\n  " + strings.ReplaceAll(strings.TrimSpace(text), "\n", "\n  ")
}

// step plays one step.
func step(ctx context.Context, st *spec.BrowserStep, base string) error {
	switch {
	case st.Open != "":
		return chromedp.Do(ctx, chromedp.Navigate(base+st.Open))
	case st.Click != "":
		return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(st.Click)))
	case st.Type != nil:
		return chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(st.Type.Selector), st.Type.Text))
	case st.Network != "":
		return setOffline(ctx, st.Network == "offline")
	}
	return waitForElement(ctx, st.Wait)
}

// setOffline switches the tab's network off (every request fails, and
// navigator.onLine is false, with the offline event) or back on.
func setOffline(ctx context.Context, offline bool) error {
	rules := []*network.Conditions{}
	if offline {
		rules = append(rules, &network.Conditions{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
	}
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: rules}); err != nil {
		return err
	}
	_, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1})
	return err
}

// waitForElement polls until an element matches the CSS selector. An error while
// the page navigates (its JavaScript context replaced) is tried again.
func waitForElement(ctx context.Context, selector string) error {
	js, _ := json.Marshal(selector)
	expr := fmt.Sprintf("document.querySelector(%s) !== null", js)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(0)))
		if err == nil || ctx.Err() != nil {
			if err != nil {
				err = fmt.Errorf("no element matched %s: %w", selector, ctx.Err())
			}
			return err
		}
		select {
		case <-ctx.Done():
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// consoleTo writes what the page logs (console calls, uncaught
// exceptions, the browser's own messages such as a CORS refusal) to out,
// one line each.
func consoleTo(out io.Writer) func(ev any) {
	line := func(level, text string) {
		fmt.Fprintf(out, "browser: console %s: %s\n", level, strings.ReplaceAll(strings.TrimSpace(text), "\n", " "))
	}
	return func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, remoteText(a))
			}
			line(string(ev.Type), strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			text := ev.ExceptionDetails.Text
			if ex := ev.ExceptionDetails.Exception; ex != nil && ex.Description != "" {
				text += " " + ex.Description
			}
			line("exception", text)
		case *log.EventEntryAdded:
			line(string(ev.Entry.Level), ev.Entry.Text)
		}
	}
}

// remoteText is a console argument as text: a string as it is, anything
// else as JSON or its description.
func remoteText(o *runtime.RemoteObject) string {
	var s string
	if len(o.Value) > 0 && json.Unmarshal(o.Value, &s) == nil {
		return s
	}
	if len(o.Value) > 0 {
		return string(o.Value)
	}
	return o.Description
}
