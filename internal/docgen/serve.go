package docgen

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"oteldocs.dev/site"
)

// liveScript is injected before </body> of every page served by Serve.
const liveScript = `<script src="/_docgen/live.js"></script>`

// Serve builds the site into cfg.Out, serves it at addr, and rebuilds when
// the content, the examples, the theme or the results change. A failed
// build is printed to stderr and shown over the open page, while the last
// good site keeps being served. It returns when ctx is done.
func Serve(ctx context.Context, cfg Config, addr string, stdout, stderr io.Writer) error {
	if cfg.Root == "" {
		cfg.Root = "."
	}
	if cfg.Theme == nil {
		if _, err := os.Stat(filepath.Join(cfg.Root, "site", "templates")); err == nil {
			cfg.Theme = os.DirFS(filepath.Join(cfg.Root, "site")) // edits show without recompiling
		}
	}
	full, err := cfg.withDefaults()
	if err != nil {
		return err
	}
	s := &server{cfg: cfg, out: full.Out, theme: full.Theme, subs: map[chan struct{}]bool{}, stdout: stdout, stderr: stderr}
	s.rebuild()

	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "docgen: serving %s at http://%s/ (Ctrl-C to stop)\n", full.Out, ln.Addr())
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go s.watch(ctx, full)
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// server serves the output folder and the live-reload events.
type server struct {
	cfg    Config
	out    string
	theme  fs.FS
	stdout io.Writer
	stderr io.Writer

	state *builder // the last good whole build, updated by later edits; only the watcher touches it

	mu      sync.Mutex
	version int    // successful builds so far
	lastErr string // error of the last build, "" if it succeeded
	subs    map[chan struct{}]bool
}

// rebuild builds the whole site and tells every open page.
func (s *server) rebuild() {
	start := time.Now()
	full, err := s.cfg.withDefaults()
	var b *builder
	if err == nil {
		b, err = generate(full)
	}
	if err == nil {
		err = WriteDir(full.Out, &Site{Files: b.out})
	}
	if err == nil {
		s.state = b
	}
	s.done(err, func() string { return fmt.Sprintf("docgen: built in %v", time.Since(start).Round(time.Millisecond)) })
}

// apply rebuilds what changed files (slash paths from the root) touch:
// the pages that show them (builder.update), or the whole site.
func (s *server) apply(changed []string) {
	if s.state == nil {
		s.rebuild()
		return
	}
	start := time.Now()
	files, full, err := s.state.update(changed)
	if full {
		s.rebuild()
		return
	}
	if err == nil {
		err = writeChanged(s.out, files)
	}
	s.done(err, func() string {
		return fmt.Sprintf("docgen: updated %s in %v", describeUpdate(files), time.Since(start).Round(100*time.Microsecond))
	})
}

// writeChanged replaces files of the output folder one by one, each with a
// rename, so a reader never loads half a page.
func writeChanged(out string, files map[string][]byte) error {
	for name, data := range files {
		p := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		tmp := p + ".docgen-tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, p); err != nil {
			os.Remove(tmp)
			return err
		}
	}
	return nil
}

// done records the outcome of a build or an update and tells every open
// page.
func (s *server) done(err error, ok func() string) {
	s.mu.Lock()
	if err != nil {
		s.lastErr = err.Error()
		fmt.Fprintf(s.stderr, "%v\ndocgen: build failed; still serving the last good site\n", err)
	} else {
		s.lastErr = ""
		s.version++
		fmt.Fprintln(s.stdout, ok())
	}
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	s.mu.Unlock()
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/_docgen/events":
		s.events(w, r)
		return
	case "/_docgen/live.js":
		data, err := fs.ReadFile(s.theme, "serve/live.js")
		if err != nil {
			data, _ = fs.ReadFile(site.FS, "serve/live.js")
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(data)
		return
	}
	s.file(w, r)
}

// file serves a file of the output folder, injecting the live-reload
// script into HTML, and the 404 page for anything missing.
func (s *server) file(w http.ResponseWriter, r *http.Request) {
	name := path.Clean("/" + r.URL.Path)
	p := filepath.Join(s.out, filepath.FromSlash(name))
	fi, err := os.Stat(p)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		p = filepath.Join(p, "index.html")
	}
	status := http.StatusOK
	data, err := os.ReadFile(p)
	if err != nil {
		status = http.StatusNotFound
		if data, err = os.ReadFile(filepath.Join(s.out, "404.html")); err != nil {
			data = []byte("<!doctype html><title>No site yet</title><body><p>No site has been built yet.</p></body>")
		}
		p = "404.html"
	}
	if ext := filepath.Ext(p); ext == ".html" {
		data = bytes.Replace(data, []byte("</body>"), []byte(liveScript+"\n</body>"), 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	} else if ct := contentType(ext); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(status)
	w.Write(data)
}

func contentType(ext string) string {
	return map[string]string{
		".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
		".svg": "image/svg+xml", ".xml": "application/xml", ".zip": "application/zip", ".png": "image/png",
	}[ext]
}

// events streams the build state as server-sent events: one "build" event
// now, then one after each build.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	for {
		s.mu.Lock()
		msg, _ := json.Marshal(map[string]any{"version": s.version, "error": s.lastErr})
		s.mu.Unlock()
		fmt.Fprintf(w, "event: build\ndata: %s\n\n", msg)
		flusher.Flush()
		select {
		case <-ch:
		case <-r.Context().Done():
			return
		}
	}
}
