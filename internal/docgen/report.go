package docgen

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"time"

	"github.com/yuin/goldmark/ast"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/snippet"
)

// reportURL is the page that lists every example and its last verified run.
const reportURL = "report/"

// reportData is what the "report" template draws.
type reportData struct {
	Generated string // date of results.json, "" when nothing was verified
	Examples  []reportRow
}

// reportRow is one example of the report.
type reportRow struct {
	ID         string
	Badge      snippet.Badge
	Status     string // pass, fail, or "not verified"
	Duration   string
	Cases      []string // "main" first, then the named cases
	Versions   results.Versions
	Date       string
	Failures   []string
	Pages      []navLink // the pages that embed it
	Source     string    // link to examples/<id>/ at SourceURL, or ""
	Download   string
	Changed    bool // files differ from those verified
	Unverified bool
}

// writeReport writes the report page.
func (b *builder) writeReport(assets assetSet) error {
	root := rootOf(reportURL)
	d := reportData{}
	res := b.results.File()
	if res != nil && !res.Generated.IsZero() {
		d.Generated = res.Generated.UTC().Format("2006-01-02 15:04 MST")
	}
	embeds := b.embeds()
	for _, id := range b.examples {
		row, err := b.reportRow(root, id, embeds[id])
		if err != nil {
			return err
		}
		d.Examples = append(d.Examples, row)
	}
	var body bytes.Buffer
	if err := b.theme.ExecuteTemplate(&body, "report", d); err != nil {
		return fmt.Errorf("theme: %s: %w", outFile(reportURL), err)
	}
	p := &page{url: reportURL, root: root, section: -2}
	pd := pageData{
		SiteTitle:   b.toc.Title,
		Title:       "Verification report",
		Description: "Every example, how far its last run got, with what, and where it is shown.",
		Home:        href(root, ""),
		Canonical:   b.cfg.BaseURL + reportURL,
		Assets:      assets.from(root),
		Body:        template.HTML(body.String()),
		Sidebar:     b.sidebarHTML(p),
		Report:      href(root, reportURL),
	}
	return b.execute(b.theme, outFile(reportURL), pd)
}

func (b *builder) reportRow(root, id string, pages []*page) (reportRow, error) {
	current, err := b.fingerprint(id)
	if err != nil {
		return reportRow{}, err
	}
	row := reportRow{ID: id, Badge: snippet.BadgeFor(b.results.File(), id, current), Download: b.downloadLink(root, id)}
	if b.cfg.SourceURL != "" {
		row.Source = b.cfg.SourceURL + "examples/" + id + "/"
	}
	for _, p := range pages {
		row.Pages = append(row.Pages, navLink{Title: p.meta.Title, Href: href(root, p.url)})
	}
	e, ok := b.results.Lookup(id)
	if !ok {
		row.Status, row.Unverified = "not verified", true
		return row, nil
	}
	res := b.results.File()
	row.Status, row.Changed, row.Failures = string(e.Status), e.Changed(current), e.Failures
	row.Duration = roundDuration(time.Duration(e.DurationMS) * time.Millisecond).String()
	row.Cases = append([]string{"main"}, e.Cases...)
	row.Versions = e.Versions
	for _, v := range []struct {
		dst *string
		src string
	}{{&row.Versions.Go, res.Versions.Go}, {&row.Versions.Otel, res.Versions.Otel}, {&row.Versions.Collector, res.Versions.Collector}} {
		if *v.dst == "" {
			*v.dst = v.src
		}
	}
	when := e.VerifiedAt
	if when.IsZero() {
		when = res.Generated
	}
	if !when.IsZero() {
		row.Date = when.UTC().Format("2006-01-02 15:04")
	}
	return row, nil
}

// fingerprint is results.Fingerprint of examples/<id> on disk.
func (b *builder) fingerprint(id string) (string, error) {
	sub, err := fs.Sub(b.cfg.FS, "examples/"+id)
	if err != nil {
		return "", err
	}
	return results.Fingerprint(sub)
}

// embeds maps each example id to the pages that show its code, telemetry,
// output, attributes, a table or a diff of its files, in reading order.
func (b *builder) embeds() map[string][]*page {
	out := map[string][]*page{}
	for _, p := range b.pages {
		seen := map[string]bool{}
		_ = ast.Walk(p.doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			var ids []string
			switch n := n.(type) {
			case *snippet.Node:
				ids = []string{n.Block.Example}
			case *snippet.TelemetryNode:
				ids = []string{n.Example}
			case *snippet.OutputNode:
				ids = []string{n.Example}
			case *snippet.AttributesNode:
				ids = []string{n.Example}
			case *snippet.TableNode:
				ids = []string{snippet.ExampleOf(n.Path)}
			case *snippet.DiffNode:
				ids = []string{snippet.ExampleOf(n.From + "/"), snippet.ExampleOf(n.To + "/")}
			}
			for _, id := range ids {
				if id != "" && !seen[id] {
					seen[id] = true
					out[id] = append(out[id], p)
				}
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// roundDuration keeps two or three significant digits: 630ms, 3.9s, 47.8s.
func roundDuration(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
