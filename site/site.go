// Package site is the theme of the documentation site, embedded in
// cmd/docgen at compile time:
//
//	templates/page.html   every page, the home page and the 404 page
//	static/               copied to assets/ in the built site
//	serve/                served only by docgen serve (live reload)
//
// docgen serve reads the theme from this folder on disk instead, so an edit
// shows without recompiling.
package site

import "embed"

// FS holds templates/, static/ and serve/.
//
//go:embed templates static serve
var FS embed.FS
