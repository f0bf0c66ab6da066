package highlight

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// cssFormatter writes the stylesheets.
var cssFormatter = html.New(html.WithClasses(true), html.WithCSSComments(false))

// Styles of the two themes.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

// DarkSelector is the attribute the theme toggle sets on <html>:
// data-theme="dark" or data-theme="light". Without it, the reader's
// prefers-color-scheme decides.
const DarkSelector = `[data-theme="dark"]`

// LightCSS returns the stylesheet of the light theme: rules scoped to .chroma.
func LightCSS() ([]byte, error) {
	lines, err := rules(LightStyle)
	if err != nil {
		return nil, err
	}
	return []byte(strings.Join(lines, "\n") + "\n"), nil
}

// DarkCSS returns the stylesheet of the dark theme. Its rules apply under
// html[data-theme="dark"], and under prefers-color-scheme: dark unless the
// reader chose light, so it is loaded after LightCSS and overrides it.
func DarkCSS() ([]byte, error) {
	lines, err := rules(DarkStyle)
	if err != nil {
		return nil, err
	}
	light, err := rules(LightStyle)
	if err != nil {
		return nil, err
	}
	lines = append(lines, resets(light, lines)...)
	var toggled, system strings.Builder
	for _, line := range lines {
		sel, body, ok := strings.Cut(line, " { ")
		if !ok {
			return nil, fmt.Errorf("write %s stylesheet: unexpected rule %q", DarkStyle, line)
		}
		fmt.Fprintf(&toggled, "%s %s { %s\n", DarkSelector, sel, body)
		fmt.Fprintf(&system, "  :root:not([data-theme=\"light\"]) %s { %s\n", sel, body)
	}
	var b bytes.Buffer
	b.WriteString(toggled.String())
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	b.WriteString(system.String())
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// rules returns the CSS rules of a chroma style, one per line, without the
// .bg rule (its class is not used and too generic to leave in a site).
func rules(style string) ([]string, error) {
	var raw bytes.Buffer
	if err := cssFormatter.WriteCSS(&raw, styles.Get(style)); err != nil {
		return nil, fmt.Errorf("write %s stylesheet: %w", style, err)
	}
	var lines []string
	for _, line := range strings.Split(strings.TrimSpace(raw.String()), "\n") {
		if !strings.HasPrefix(line, ".bg ") {
			lines = append(lines, line)
		}
	}
	return lines, nil
}

// resets returns, for every light rule that the dark style does not
// override, a rule that undoes it: the dark style leaves those tokens to
// the default colour, and the light colour must not show through.
func resets(light, dark []string) []string {
	inDark := map[string]bool{}
	for _, line := range dark {
		sel, _, _ := strings.Cut(line, " { ")
		inDark[sel] = true
	}
	var out []string
	for _, line := range light {
		sel, body, ok := strings.Cut(line, " { ")
		if !ok || inDark[sel] {
			continue
		}
		var props []string
		for _, decl := range strings.Split(strings.TrimSuffix(strings.TrimSpace(body), "}"), ";") {
			name, _, ok := strings.Cut(decl, ":")
			name = strings.TrimSpace(name)
			switch {
			case !ok || name == "":
			case name == "background-color":
				props = append(props, "background-color: transparent")
			default:
				props = append(props, name+": inherit")
			}
		}
		if len(props) > 0 {
			out = append(out, sel+" { "+strings.Join(props, "; ")+" }")
		}
	}
	return out
}
