package docgen

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"slices"

	"oteldocs.dev/internal/highlight"
)

// assetDir is where the theme's files go in the site.
const assetDir = "assets/"

// assetSet maps an asset name to its path in the site with a content hash
// (assets/site.css?h=0123abcd), so a browser never keeps a stale copy.
type assetSet map[string]string

// assetLinks are the assets a page links, relative to it.
type assetLinks struct {
	CSS, LightCode, DarkCode, JS, Theme, Icon, Search string
}

func (a assetSet) from(root string) assetLinks {
	return assetLinks{
		CSS:       root + a["site.css"],
		LightCode: root + a["chroma-light.css"],
		DarkCode:  root + a["chroma-dark.css"],
		JS:        root + a["site.js"],
		Theme:     root + a["theme.js"],
		Icon:      root + a["favicon.svg"],
		Search:    root + "search.json",
	}
}

// writeAssets copies the theme's static files and writes the highlighting
// stylesheets.
func (b *builder) writeAssets() (assetSet, error) {
	set := assetSet{}
	put := func(name string, data []byte) error {
		sum := sha256.Sum256(data)
		set[name] = assetDir + name + "?h=" + hex.EncodeToString(sum[:4])
		return b.add(assetDir+name, data)
	}
	err := fs.WalkDir(b.cfg.Theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := b.themeFile(p)
		if err != nil {
			return err
		}
		return put(path.Base(p), data)
	})
	if err != nil {
		return nil, err
	}
	light, err := highlight.LightCSS()
	if err != nil {
		return nil, err
	}
	dark, err := highlight.DarkCSS()
	if err != nil {
		return nil, err
	}
	if err := put("chroma-light.css", light); err != nil {
		return nil, err
	}
	return set, put("chroma-dark.css", dark)
}

// copyContentAssets copies the non-Markdown files of the content folder
// (images, diagrams) to the same paths in the site.
func (b *builder) copyContentAssets() error {
	for _, rel := range sortedKeys(b.assets) {
		data, err := fs.ReadFile(b.cfg.FS, path.Join(b.cfg.Content, rel))
		if err != nil {
			return err
		}
		if err := b.add(rel, data); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
