// Package docgen builds the documentation site from Markdown chapters and
// regions of the example modules. This comment is the authoring manual.
//
// # Commands
//
//	go run ./cmd/docgen build    # content/ -> public/ (make site)
//	go run ./cmd/docgen serve    # build, serve at 127.0.0.1:8080, rebuild on change (make serve)
//
// build writes into a new folder beside public/ and swaps it in only when
// the whole build succeeded: a failed build prints every error and leaves
// public/ as it was. Two builds of the same input give the same bytes.
//
// serve rebuilds when content/, examples/, site/ or the verify results
// change, and reloads the open page. A failed build is printed on the
// terminal and shown over the page, while the last good site stays served.
//
// # Files
//
//	content/toc.yaml           the table of contents: sections and reading order
//	content/index.md           the home page
//	content/<section>/<page>.md   a page; its URL is /<section>/<page>/
//	content/<any>.png, .svg    other files are copied as they are
//	examples/<id>/             example modules that snippets come from
//	build/verify/results.json  verification results (written by cmd/verify)
//
// A page's URL is its path without .md, as a folder:
// content/get-started/quickstart.md is /get-started/quickstart/, and
// content/otlp/index.md is /otlp/.
//
// # Table of contents
//
// content/toc.yaml names the site and lists its pages in reading order,
// grouped in the sections of the sidebar. The previous and next links of
// each page follow this order, starting from the home page.
//
//	title: OpenTelemetry for Go, verified
//	sections:
//	  - title: Get started
//	    pages:
//	      - get-started/quickstart.md
//	      - get-started/patterns.md
//	  - title: OTLP
//	    folder: otlp          # every page of content/otlp/, by front matter order, then name
//
// Paths are relative to content/. A section has either pages or folder.
// Every page except index.md must be listed exactly once: a page missing
// from the table of contents, an entry without a file, and a page listed
// twice are errors.
//
// # Front matter
//
// Each page starts with YAML front matter between two lines "---":
//
//	---
//	title: Quick start
//	description: A users service with echo, sqlx and OTLP in 30 minutes.
//	order: 1
//	---
//
//	title        required: the page's <h1>, its <title> and its sidebar entry
//	description  optional: the lead paragraph, <meta name="description"> and search
//	order        optional: position in a section that lists a folder (lowest first)
//
// Any other key is an error. The title is the only <h1>: sections of the
// page start at "##". The "##" and "###" headings form the page's own
// contents in the right column. Each heading gets an id from its text
// ("## Send spans" is #send-spans); write "## Send spans {#send}" to choose it.
//
// # Markdown
//
// CommonMark with GitHub's tables, ~~strikethrough~~, autolinks and task
// lists (- [x] done). Raw HTML is not passed through: it shows escaped, as
// text. A fenced code block is highlighted for the language after its fence
// (```sh, ```yaml, ```console, ...) and gets a copy button.
//
// Go code is never pasted into a page: a ```go block is an error. It comes
// from an example, with a snippet block.
//
// # Snippet blocks
//
// An empty fenced block whose info string is "snippet PATH#REGION" shows
// that region of the file; "snippet PATH" shows the whole file:
//
//	```snippet examples/quickstart/server.go#handler
//	```
//
//	```snippet examples/quickstart/go.mod
//	```
//
// PATH is written from the repository root (not from the page), with '/',
// inside the repository and in a folder. In the file the region is marked
// with comments; "#" replaces "//" in YAML, shell, Dockerfiles and Makefiles:
//
//	// [START handler]
//	func getUser(db *sqlx.DB) echo.HandlerFunc { ... }
//	// [END handler]
//
// Marker lines never show, nested markers neither, the common indentation
// is removed (see package region). The block is highlighted for the file's
// extension (.go, .yaml, .sh, Dockerfile, go.mod, .json, ...) under a
// caption with the file's path, the region and its lines, and a badge with
// how far the example got in verification, when and with which versions:
//
//	Verified 2026-11-26: asserted · Go go1.26.8 · otel v1.47.0 · Collector 0.161.0
//
// Without build/verify/results.json the badge says "not verified yet".
// When the example's files changed after its last run (their
// results.Fingerprint differs from the one verify recorded), the badge says
// "changed since verified" instead of the level: that level belongs to
// older code.
// The caption links to the file at -source-url when it is set, else to the
// zip of the example, which the build writes to /downloads/<id>.zip.
//
// # Telemetry blocks
//
//	```telemetry quickstart
//	```
//
// shows what the Collector received when examples/quickstart was verified:
// each trace as a waterfall (a row per span, indented by depth, a bar on
// the trace's time axis, events as ticks; a client and the server it
// called, in two processes, share one waterfall), metrics with their points
// and a small chart where one fits, log records linked to their span's row,
// the resource, and, collapsed, the OTLP JSON as the Collector wrote it. It
// is read from the folder build/verify/results.json names for it (or
// returned by Config.Telemetry when set) and drawn by the theme; every
// position is computed in package telemetry. Before the first verify run the block says
// that no telemetry was captured yet. An id without an examples/<id> folder
// is an error.
//
// A verify.yaml may hold named cases (see package verify); show one with
// its name after '#':
//
//	```telemetry otlp-grpc#wrong-token
//	```
//
// # Output blocks
//
//	```output propagation
//	```
//
// shows what the program printed (stdout and stderr) in its last verified
// run; "output ID#CASE" shows a named case. Use it where the output is the
// lesson: the headers a propagator wrote, the error a refused export logs.
//
// # Table blocks
//
//	```table examples/otelci/mapping.csv#github
//	```
//
// shows a CSV file of the repository as a table, its first row as the
// header, each cell as code. Use it where a program reads the same data, so
// the page cannot drift from it. "#KEY" keeps the rows whose first column is
// KEY and leaves that column out.
//
// # Diff blocks
//
//	```diff examples/tutorial-2 examples/tutorial-3
//	```
//
// shows what changed from the first folder (or file) to the second as a
// unified diff with three lines of context, computed from the files at
// build time, so a tutorial's steps cannot drift from their modules. For
// two folders every file of either side is compared by its path in the
// folder, go.mod included; go.sum and verify.yaml are left out. A path
// that does not exist, a folder compared with a file, or two sides with
// the same content are errors. A ```diff block with one word and lines
// inside is an ordinary highlighted block.
//
// # Attributes blocks
//
//	```attributes semconv-http#errors
//	convention: http-server
//	span: GET /items/{id}
//	```
//
// shows a semantic convention next to what an example's last verified run
// sent: every attribute content/conventions/http-server.yaml lists, with its
// requirement level, the value captured ("not set" where the item lacks it),
// then the item's attributes the convention does not list. The block's
// lines pick the item: "span: NAME" (the first span of that name), "metric:
// NAME" (the first data point of that metric) or "resource: NAME" (the
// resource of the first span or metric of that name). A client span and the
// server span it called often share a name; "kind: CLIENT" under "span:"
// picks the first span of that name and kind. A convention file:
//
//	title: HTTP server span
//	attributes:
//	  - key: http.request.method
//	    level: required        # required, conditionally required, recommended, opt-in
//	  - key: http.route
//	    level: conditionally required
//	    note: if the framework has routes
//
// Write its attributes from the semantic conventions of the version the
// examples import (semconv v1.43.0), never from what a run happened to send.
// content/conventions/ is data: its files are not copied into the site. The
// table only shows values; what the page's prose relies on must also be
// asserted by the example's verify.yaml.
//
// # Links
//
// Link to another page by the relative path of its Markdown file, with an
// optional heading id; the build rewrites it to the page's URL:
//
//	[gRPC transport](../otlp/grpc.md#tls)
//	[above](#send-spans)
//	![diagram](pipeline.svg)
//
// Every internal link and #anchor is checked: a missing page, file or
// heading fails the build. Links starting with "/" are errors (they would
// break under a base path). A link to an example folder
// ([the example](../../examples/quickstart)) goes to its zip. Links with a
// scheme (https:, mailto:) are left alone.
//
// # Errors
//
// Every error starts with the file and line to fix, and the build reports
// all errors at once, sorted:
//
//	content/get-started/quickstart.md:12: snippet examples/quickstart/main.go#nope: examples/quickstart/main.go: unknown region "nope": the file has "run", "client"
//	content/get-started/quickstart.md:40: link ../otlp/grpc.md#tsl: no heading #tsl in content/otlp/grpc.md; its headings are #compression, #tls
//	content/toc.yaml:9: page otlp/http.md: no such file content/otlp/http.md: create it or fix the entry
//	examples/quickstart/otel.go:19: unclosed region "setup": add "// [END setup]" after its last line
//
// # Output
//
//	public/index.html, public/<page>/index.html   the pages
//	public/404.html, public/sitemap.xml           for the host
//	public/search.json                            the offline search index
//	public/assets/                                theme, highlighting stylesheets
//	public/downloads/<id>.zip                     each example, ready to run: README.md (how, from verify.yaml) and otelcol.yaml added
//	public/report/index.html                      the verification report
//
// The report lists every examples/<id> folder: its result and level (or
// "changed since verified"), duration, cases, versions, date of the run,
// the pages that show it, and links to its source and zip. Every page's
// footer links it.
//
// # Security
//
// A static host sets no headers, so every page carries its policy in meta
// tags: Content-Security-Policy "default-src 'self'; script-src 'self';
// style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri
// 'none'; form-action 'self'" and referrer policy same-origin. No inline
// script (the theme's early light/dark switch is static/theme.js, loaded
// without defer), no on* attribute, no style attribute (so the waterfall's
// bars are SVG with x and width, not inline CSS), nothing from another
// origin; data: is allowed for images only, for the icon drawn in the CSS.
// csp_test.go checks every page of this repository's site and of the test
// sites.
//
// Links between pages are relative, so the site works under any base path;
// only 404.html, served at any address, links from the path of -base-url.
//
// # Theme
//
// The theme is the folder site/, embedded at compile time; serve reads it
// from disk so an edit shows at once. It owns every piece of HTML, so a
// change of the look is a change in site/ only:
//
//	templates/page.html        the page around the content (pageData)
//	templates/snippet.html     snippet figure, badge, code block (snippet.Node)
//	templates/telemetry.html   telemetry block and panel (snippet.TelemetryNode, telemetry.Panel)
//	templates/output.html      output block (snippet.OutputNode)
//	templates/table.html       table block (snippet.TableNode)
//	templates/diff.html        diff block (snippet.DiffNode)
//	templates/markdown.html    heading anchors, raw HTML shown as text
//	templates/report.html      the verification report's table (reportData)
//	static/                    CSS, JS (site.js, theme.js), icon
//
// Go code computes the data the templates receive, already formatted as
// text, and the templates only range and test; html/template escapes it.
// The golden tests (testdata/*.txtar, testdata/quickstart_panel.html) show
// any change of a template.
package docgen
