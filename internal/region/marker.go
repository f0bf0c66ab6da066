package region

import (
	"fmt"
	"path"
	"strings"
)

type markerKind int

const (
	notMarker markerKind = iota
	startMarker
	endMarker
)

type marker struct {
	kind markerKind
	name string
}

// hashFiles are base names, and hashExts extensions, of files whose comments
// start with '#'.
var (
	hashFiles = map[string]bool{"Dockerfile": true, "Makefile": true, "Containerfile": true, ".env": true, "GNUmakefile": true}
	hashExts  = map[string]bool{
		".yaml": true, ".yml": true, ".sh": true, ".bash": true, ".zsh": true, ".toml": true,
		".py": true, ".mk": true, ".dockerfile": true, ".conf": true, ".properties": true,
		".tf": true, ".rb": true, ".env": true, ".txtar": true,
	}
	slashExts = map[string]bool{
		".go": true, ".mod": true, ".work": true, ".js": true, ".mjs": true, ".ts": true,
		".c": true, ".h": true, ".cc": true, ".cpp": true, ".java": true, ".kt": true,
		".proto": true, ".rs": true, ".swift": true, ".scala": true, ".jsonc": true,
	}
)

// commentPrefixes returns the comment starts that may open a marker in a
// file called name.
func commentPrefixes(name string) []string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := path.Ext(base)
	switch {
	case hashFiles[base] || strings.HasPrefix(base, "Dockerfile.") || hashExts[ext]:
		return []string{"#"}
	case slashExts[ext]:
		return []string{"//"}
	}
	return []string{"//", "#"}
}

// parseMarker recognises "// [START name]" and "// [END name]" (with one of
// prefixes as the comment start). A comment that starts like a marker but is
// not a valid one is an error, so a typo never leaks a marker into a page.
func parseMarker(line string, prefixes []string) (marker, error) {
	s := strings.TrimSpace(line)
	var rest string
	found := false
	for _, p := range prefixes {
		if r, ok := strings.CutPrefix(s, p); ok {
			rest, found = strings.TrimSpace(r), true
			break
		}
	}
	if !found || !(strings.HasPrefix(rest, "[START") || strings.HasPrefix(rest, "[END")) {
		return marker{}, nil
	}
	body, ok := strings.CutSuffix(rest, "]")
	if !ok {
		return marker{}, fmt.Errorf("%w %q: write it as %q", ErrMalformed, s, prefixes[0]+" [START name]")
	}
	kind, name := startMarker, ""
	if n, ok := strings.CutPrefix(body, "[START "); ok {
		name = n
	} else if n, ok := strings.CutPrefix(body, "[END "); ok {
		kind, name = endMarker, n
	}
	if !validName(name) {
		return marker{}, fmt.Errorf("%w %q: a region name is letters, digits, '_', '-' or '.'; write it as %q",
			ErrMalformed, s, prefixes[0]+" [START name]")
	}
	return marker{kind: kind, name: name}, nil
}

// ValidName reports whether name can name a region.
func ValidName(name string) bool { return validName(name) }

func validName(name string) bool {
	if name == "" || len(name) > 100 {
		return false
	}
	for _, c := range name {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_', c == '-', c == '.':
		default:
			return false
		}
	}
	return true
}

func startLine(prefixes []string, name string) string { return prefixes[0] + " [START " + name + "]" }
func endLine(prefixes []string, name string) string   { return prefixes[0] + " [END " + name + "]" }
