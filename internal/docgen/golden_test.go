package docgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"oteldocs.dev/internal/telemetry"
)

var update = flag.Bool("update", false, "rewrite the want/ files of testdata/*.txtar with the output")

// A test site is a txtar archive (testdata/*.txtar):
//
//   - its comment says what it verifies; a line "source-url: URL" or
//     "edit-url: URL" sets that Config field;
//   - files outside want/ and hook/ are the repository: content/, examples/,
//     build/verify/results.json;
//   - hook/telemetry/<id>/traces.json, metrics.json and logs.json are what
//     the Telemetry hook returns for <id>, decoded by package telemetry
//     (without any hook/ file the hook is nil; an example without hook/
//     files has no run yet);
//   - want/<path> is the expected output file. For HTML only the page's
//     own part is compared: from <main to the end of the page's contents
//     (the article, prev and next, the contents aside), not the shared
//     head and sidebar;
//   - in *_err_*.txtar, want/error is the expected error, whole.
//
// go test -update rewrites the want/ files from the output.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runGolden(t, file)
		})
	}
}

func runGolden(t *testing.T, file string) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cfg := goldenConfig(a)
	site, err := Generate(cfg)
	wantErr := strings.Contains(filepath.Base(file), "_err_")
	switch {
	case wantErr && err == nil:
		t.Fatalf("%s: build succeeded, want an error", file)
	case !wantErr && err != nil:
		t.Fatalf("%s: build failed:\n%v", file, err)
	}
	changed := false
	for i := range a.Files {
		f := &a.Files[i]
		name, ok := strings.CutPrefix(f.Name, "want/")
		if !ok {
			continue
		}
		var got string
		if name == "error" {
			if err == nil {
				t.Fatalf("%s: want/error in an archive not named *_err_*", file)
			}
			got = err.Error() + "\n"
		} else {
			data, ok := site.Files[name]
			if !ok {
				t.Errorf("%s: no output file %s; the site has:\n%s", file, name, strings.Join(site.Paths(), "\n"))
				continue
			}
			got = pagePart(name, string(data))
		}
		if got == string(f.Data) {
			continue
		}
		if *update {
			f.Data, changed = []byte(got), true
			continue
		}
		t.Errorf("%s: %s differs (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", file, f.Name, got, f.Data)
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// goldenConfig makes the Config of a test site.
func goldenConfig(a *txtar.Archive) Config {
	repo := fstest.MapFS{}
	hooks := map[string]map[string][]byte{} // example id -> file name -> data
	for _, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "want/"):
		case strings.HasPrefix(f.Name, "hook/telemetry/"):
			id, name, _ := strings.Cut(strings.TrimPrefix(f.Name, "hook/telemetry/"), "/")
			if hooks[id] == nil {
				hooks[id] = map[string][]byte{}
			}
			hooks[id][name] = f.Data
		default:
			repo[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	cfg := Config{FS: repo}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if v, ok := strings.CutPrefix(line, "source-url: "); ok {
			cfg.SourceURL = v
		}
		if v, ok := strings.CutPrefix(line, "edit-url: "); ok {
			cfg.EditURL = v
		}
	}
	if len(hooks) > 0 {
		cfg.Telemetry = func(id, _ string) (*telemetry.Data, error) {
			h, ok := hooks[id]
			if !ok {
				return nil, nil // no run yet
			}
			return telemetry.Decode(h[telemetry.TracesFile], h[telemetry.MetricsFile], h[telemetry.LogsFile])
		}
	}
	return cfg
}

// pagePart returns the part of an HTML page that belongs to it alone.
func pagePart(name, data string) string {
	if !strings.HasSuffix(name, ".html") {
		return data
	}
	start := strings.Index(data, "<main")
	end := strings.Index(data, "<footer")
	if start < 0 || end < start {
		return data
	}
	part := data[start:end]
	for _, closing := range []string{"</aside>\n", "</main>\n"} {
		if i := strings.LastIndex(part, closing); i >= 0 {
			return part[:i+len(closing)]
		}
	}
	return part
}

// TestDeterministic builds every test site twice and compares all bytes.
func TestDeterministic(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		if strings.Contains(file, "_err_") {
			continue
		}
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		s1, err1 := Generate(goldenConfig(a))
		s2, err2 := Generate(goldenConfig(a))
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", file, err1, err2)
		}
		if len(s1.Files) != len(s2.Files) {
			t.Fatalf("%s: %d files, then %d", file, len(s1.Files), len(s2.Files))
		}
		for name, data := range s1.Files {
			if !bytes.Equal(data, s2.Files[name]) {
				t.Errorf("%s: %s differs between two builds", file, name)
			}
		}
	}
}
