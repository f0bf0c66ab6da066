package docgen

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/telemetry"
	"oteldocs.dev/site"
)

// Config says what to build and how. The zero value builds the repository
// in the current folder with the embedded theme.
type Config struct {
	// Root is the repository root folder; default ".". FS, when set, is read
	// instead (tests build sites from an fstest.MapFS or a txtar archive).
	Root string
	FS   fs.FS

	// Content is the folder of the chapters, relative to the repository
	// root; default "content".
	Content string

	// Results is the verification results file, relative to the repository
	// root; default results.DefaultPath. A missing file means nothing has
	// been verified yet: badges say so.
	Results string

	// Out is the output folder (an OS path); default "public". Only Build
	// writes it.
	Out string

	// Theme holds templates/*.html and static/*; nil means the theme
	// embedded from site/ at compile time. The templates draw every piece
	// of HTML: pages, snippets, badges, telemetry panels, output blocks.
	Theme fs.FS

	// BaseURL is the absolute URL the site is published at, ending in "/":
	// sitemap.xml and canonical links need it. Default "https://oteldocs.dev/".
	BaseURL string

	// EditURL, when set, adds "Edit this page" links: EditURL followed by the
	// page's path from the repository root, for example
	// https://github.com/OWNER/REPO/edit/main/ + content/get-started/quickstart.md.
	EditURL string

	// SourceURL, when set, is where snippet captions link: SourceURL
	// followed by the file's path and #Lfirst-Llast, for example
	// https://github.com/OWNER/REPO/blob/main/. When empty, a caption links
	// to the zip download of the example the file belongs to.
	SourceURL string

	// Telemetry returns what the Collector received for an example (or a
	// named case of it), for ```telemetry ID[#CASE] blocks; the theme draws
	// the panel. nil reads the folder results.json names for it (package
	// telemetry); a nil *telemetry.Data means no run yet: the page says
	// "not captured yet".
	Telemetry func(exampleID, caseName string) (*telemetry.Data, error)
}

// withDefaults returns c with every empty field set to its default.
func (c Config) withDefaults() (Config, error) {
	if c.Root == "" {
		c.Root = "."
	}
	if c.FS == nil {
		c.FS = os.DirFS(c.Root)
	}
	if c.Content == "" {
		c.Content = "content"
	}
	if c.Results == "" {
		c.Results = results.DefaultPath
	}
	if c.Out == "" {
		c.Out = "public"
	}
	if c.Theme == nil {
		c.Theme = site.FS
	}
	if c.BaseURL == "" {
		c.BaseURL = "https://oteldocs.dev/"
	}
	for _, u := range []*string{&c.BaseURL, &c.EditURL, &c.SourceURL} {
		if *u != "" && !strings.HasSuffix(*u, "/") {
			*u += "/"
		}
	}
	for name, p := range map[string]string{"content": c.Content, "results": c.Results} {
		if !fs.ValidPath(p) || p != path.Clean(p) {
			return c, fmt.Errorf("-%s %s: want a clean slash-separated path relative to the repository root", name, p)
		}
	}
	return c, nil
}
