// Package browsertest opens the built site in a real headless Chromium,
// driven by chromedp: every page loads with no console error and no failed
// or third-party request; search, the theme toggle, copy buttons and
// downloads work as a reader uses them; screenshots of a few pages, light
// and dark, go to build/screenshots. BenchmarkSearch times a query.
//
// The tests build the site into a temporary folder and serve it with
// net/http on 127.0.0.1. They need Chromium (Debian's chromium package;
// `make browser` installs it with scripts/ensure-chromium.sh) and run only
// when OTELDOCS_BROWSER is set; otherwise they skip, saying so.
// OTELDOCS_CHROMIUM names the browser binary (default: chromium on PATH).
package browsertest
