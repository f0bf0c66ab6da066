package docgen

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// newTestServer builds testdata/name.txtar from a temp repository and
// returns the server over its output.
func newTestServer(t *testing.T, name string) (*server, string) {
	t.Helper()
	root := writeArchive(t, name)
	cfg := Config{Root: root, Out: filepath.Join(t.TempDir(), "public")}
	s := &server{cfg: cfg, out: cfg.Out, theme: os.DirFS("../../site"), subs: map[chan struct{}]bool{}, stdout: io.Discard, stderr: io.Discard}
	s.rebuild()
	return s, root
}

func get(t *testing.T, h http.Handler, url string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
	return rec.Code, rec.Body.String()
}

func TestServeInjectsLiveReload(t *testing.T) {
	s, _ := newTestServer(t, "snippet_region")
	for _, tt := range []struct {
		url    string
		status int
		want   string
	}{
		{"/", 200, liveScript + "\n</body>"},
		{"/start/quick/", 200, liveScript + "\n</body>"},
		{"/nope/", 404, "Page not found"},
		{"/assets/site.css", 200, "--accent"},
		{"/_docgen/live.js", 200, "EventSource"},
	} {
		code, body := get(t, s, tt.url)
		if code != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s: expected %d w/ %q: got %d w/ body:\n%.400s", tt.url, tt.status, tt.want, code, body)
		}
	}
	if code, _ := get(t, s, "/start/quick"); code != http.StatusMovedPermanently {
		t.Errorf("GET /start/quick: got %d, want a redirect to the folder", code)
	}
}

func TestServeKeepsLastGoodSiteOnError(t *testing.T) {
	s, root := newTestServer(t, "snippet_region")
	md := filepath.Join(root, "content", "start", "quick.md")
	if err := os.WriteFile(md, []byte("---\ntitle: Quick\n---\n```snippet examples/q/main.go#gone\n```\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.rebuild()
	if !strings.HasPrefix(s.lastErr, "content/start/quick.md:4: snippet examples/q/main.go#gone") {
		t.Errorf("lastErr = %q", s.lastErr)
	}
	if code, body := get(t, s, "/start/quick/"); code != 200 || !strings.Contains(body, "badge-asserted") {
		t.Errorf("GET /start/quick/ after a failed build: %d, want the last good page", code)
	}

	// The events stream tells the open page about the error.
	srv := httptest.NewServer(s)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/_docgen/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	r.ReadString('\n') // event: build
	data, _ := r.ReadString('\n')
	if !strings.Contains(data, `"error":"content/start/quick.md:4: snippet`) {
		t.Errorf("first event data = %s", data)
	}
}

func TestFingerprintSeesChanges(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.md")
	os.WriteFile(f, []byte("a"), 0o644)
	before := fingerprint([]string{dir, filepath.Join(dir, "missing")})
	os.WriteFile(f, []byte("ab"), 0o644)
	if fingerprint([]string{dir, filepath.Join(dir, "missing")}) == before {
		t.Error("fingerprint did not change when a file grew")
	}
}

// serve notices an edit to one page through file notifications and
// rewrites that page alone in the output folder.
func TestServeAppliesOneEdit(t *testing.T) {
	s, root := newTestServer(t, "snippet_region")
	home := filepath.Join(s.out, "index.html")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(home, old, old)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	full, _ := s.cfg.withDefaults()
	go s.watch(ctx, full)
	time.Sleep(100 * time.Millisecond) // the watcher has added its folders
	write(t, root, "content/start/quick.md", "---\ntitle: Quick\n---\n## Handler\n\nEdited while serving.\n\n```snippet examples/q/main.go#handler\n```\n")
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		v, lastErr := s.version, s.lastErr
		s.mu.Unlock()
		if v >= 2 || lastErr != "" || time.Now().After(deadline) {
			if v < 2 {
				t.Fatalf("no update after the edit (version %d, error %q)", v, lastErr)
			}
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, body := get(t, s, "/start/quick/"); !strings.Contains(body, "Edited while serving.") {
		t.Error("the page does not show the edit")
	}
	if fi, err := os.Stat(home); err != nil || !fi.ModTime().Equal(old) {
		t.Error("the home page was written again for an edit to another page")
	}
}
