package docgen

import (
	"bytes"
	"encoding/xml"
)

// writeSitemap writes sitemap.xml: every page's absolute URL, in reading
// order. It has no lastmod: a build must not depend on the clock.
func (b *builder) writeSitemap() error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range b.pages {
		buf.WriteString("  <url><loc>")
		if err := xml.EscapeText(&buf, []byte(b.cfg.BaseURL+p.url)); err != nil {
			return err
		}
		buf.WriteString("</loc></url>\n")
	}
	buf.WriteString("</urlset>\n")
	return b.add("sitemap.xml", buf.Bytes())
}
