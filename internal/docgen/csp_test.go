package docgen

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Verify the security rules of every built page, on the repository's own
// site and on every test site: a Content-Security-Policy meta tag (scripts
// and styles from the site only) and a referrer policy in the head; every
// script is a file of the site or an inline one whose hash the policy
// allows; no on* event handler and no style attribute (the policy would
// block both); nothing loaded from another origin (src, srcset, <link
// href>, form action, url() in the site's CSS). Links a reader follows (<a
// href>) may point anywhere.
func TestSecurityRules(t *testing.T) {
	sites := map[string]Config{"repository": {Root: "../.."}}
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".txtar"); !strings.Contains(name, "_err_") {
			sites[name] = archiveConfig(t, name)
		}
	}
	for name, cfg := range sites {
		s, err := Generate(cfg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pages := 0
		for _, p := range s.Paths() {
			switch {
			case strings.HasSuffix(p, ".html"):
				pages++
				for _, problem := range pageProblems(string(s.Files[p])) {
					t.Errorf("%s: %s: %s", name, p, problem)
				}
			case strings.HasSuffix(p, ".css"):
				for _, u := range cssURL.FindAllStringSubmatch(string(s.Files[p]), -1) {
					if crossOrigin(u[1]) {
						t.Errorf("%s: %s loads %s from another origin", name, p, u[1])
					}
				}
			}
		}
		if pages == 0 {
			t.Errorf("%s: no page built", name)
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*["']?([^"')]+)`)

// wantPolicy are the directives every page's policy must hold.
var wantPolicy = map[string]string{
	"default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "object-src": "'none'", "base-uri": "'none'",
}

// pageProblems lists what breaks the rules in one HTML page.
func pageProblems(page string) []string {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return []string{err.Error()}
	}
	var problems []string
	var policy map[string][]string
	referrer := false
	var scripts []string // inline script texts
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode {
			attrs := map[string]string{}
			for _, a := range n.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					problems = append(problems, fmt.Sprintf("<%s %s=...>: an inline event handler", n.Data, a.Key))
				}
				if a.Key == "style" {
					problems = append(problems, fmt.Sprintf("<%s style=%q>: an inline style the policy blocks", n.Data, a.Val))
				}
			}
			for _, k := range []string{"src", "srcset", "action", "data", "poster"} {
				if v, ok := attrs[k]; ok && crossOrigin(v) {
					problems = append(problems, fmt.Sprintf("<%s %s=%q> loads from another origin", n.Data, k, v))
				}
			}
			// rel=canonical names the page's address; it loads nothing.
			if n.Data == "link" && attrs["rel"] != "canonical" && crossOrigin(attrs["href"]) {
				problems = append(problems, fmt.Sprintf("<link href=%q> loads from another origin", attrs["href"]))
			}
			switch {
			case n.Data == "meta" && strings.EqualFold(attrs["http-equiv"], "Content-Security-Policy"):
				if !inHead {
					problems = append(problems, "the policy's meta tag is outside <head>")
				}
				policy = parsePolicy(attrs["content"])
			case n.Data == "meta" && attrs["name"] == "referrer" && attrs["content"] != "":
				referrer = true
			case n.Data == "script" && attrs["src"] == "":
				text := ""
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					text += c.Data
				}
				scripts = append(scripts, text)
			}
			inHead = inHead || n.Data == "head"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(doc, false)
	if policy == nil {
		return append(problems, "no Content-Security-Policy meta tag")
	}
	for k, v := range wantPolicy {
		if got := policy[k]; len(got) == 0 || got[0] != v {
			problems = append(problems, fmt.Sprintf("policy %s is %v, want %s", k, got, v))
		}
	}
	for _, srcs := range policy {
		for _, s := range srcs {
			if s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "*" || crossOrigin(s) {
				problems = append(problems, "policy allows "+s)
			}
		}
	}
	if !referrer {
		problems = append(problems, "no referrer policy")
	}
	for _, s := range scripts {
		sum := sha256.Sum256([]byte(s))
		hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(strings.Join(policy["script-src"], " "), hash) {
			problems = append(problems, fmt.Sprintf("inline script without its hash %s in script-src: %.60q", hash, s))
		}
	}
	return problems
}

func parsePolicy(s string) map[string][]string {
	p := map[string][]string{}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			p[f[0]] = f[1:]
		}
	}
	return p
}

// crossOrigin reports whether a URL in a page names another origin: an
// absolute or scheme-relative URL (data: URLs are the page's own bytes).
func crossOrigin(u string) bool {
	u = strings.TrimSpace(strings.ToLower(u))
	return strings.HasPrefix(u, "//") || strings.Contains(u, "://") || strings.HasPrefix(u, "http:") || strings.HasPrefix(u, "https:")
}
