package docgen

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Build generates the site and writes it to cfg.Out. It writes into a new
// folder beside Out and swaps it in only when everything succeeded: a
// failed build leaves the previous site untouched.
func Build(cfg Config) error {
	s, err := Generate(cfg)
	if err != nil {
		return err
	}
	cfg, _ = cfg.withDefaults()
	return WriteDir(cfg.Out, s)
}

// WriteDir replaces the folder out with the files of s. The new site is
// written to .<out>-new-* beside it, the old one moved to .<out>-old-* and
// removed once the new one is in place.
func WriteDir(out string, s *Site) error {
	out = filepath.Clean(out)
	if err := checkOut(out); err != nil {
		return err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+"-new-")
	if err != nil {
		return err
	}
	if err := writeFiles(tmp, s); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = filepath.Join(parent, strings.Replace(filepath.Base(tmp), "-new-", "-old-", 1))
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("replace %s: %w", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("replace %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// checkOut refuses to replace a folder that does not look like a site
// built here, so that -out . never deletes a repository.
func checkOut(out string) error {
	des, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(des) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	for _, f := range []string{"index.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			return fmt.Errorf("%s: not a site built by docgen (no %s): refusing to replace it; remove it or choose another -out", out, f)
		}
	}
	return nil
}

func writeFiles(dir string, s *Site) error {
	for _, name := range s.Paths() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, s.Files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}
