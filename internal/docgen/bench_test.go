package docgen

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"oteldocs.dev/internal/corpus"
)

// BenchmarkGenerateSite builds the repository's own site in memory: the
// work of every rebuild in docgen serve.
func BenchmarkGenerateSite(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Config{Root: "../.."}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchIndex reports the size of search.json for the
// repository's site: in all, gzip-compressed, and per page. The pages add
// their title, headings and description; their prose adds each new word
// once and a short number per page a word occurs in.
func BenchmarkSearchIndex(b *testing.B) {
	site, err := Generate(Config{Root: "../.."})
	if err != nil {
		b.Fatal(err)
	}
	data := site.Files["search.json"]
	var idx searchIndex
	if err := json.Unmarshal(data, &idx); err != nil {
		b.Fatal(err)
	}
	postings := 0
	for _, ps := range idx.Words {
		postings += len(ps)
	}
	var gz int
	for b.Loop() {
		gz = gzipSize(b, data)
	}
	b.ReportMetric(float64(len(idx.Pages)), "pages")
	b.ReportMetric(float64(len(idx.Words)), "words")
	b.ReportMetric(float64(postings), "postings")
	b.ReportMetric(float64(len(data)), "bytes")
	b.ReportMetric(float64(gz), "gzip-bytes")
	b.ReportMetric(float64(gz)/float64(len(idx.Pages)), "gzip-bytes/page")
}

// BenchmarkFirstVisit reports what a first visit to each page transfers,
// served gzip-compressed (level 6, as static hosts commonly serve it): the
// HTML and every file it loads at once (stylesheets, script, icon,
// images). search.json is left out: it loads on the first use of the
// search box. The median over the pages is the number to watch (budget
// 30 KB); max-KB names the heaviest page's share.
func BenchmarkFirstVisit(b *testing.B) {
	site, err := Generate(Config{Root: "../.."})
	if err != nil {
		b.Fatal(err)
	}
	var sizes []int
	for b.Loop() {
		sizes = firstVisitSizes(b, site)
	}
	slices.Sort(sizes)
	b.ReportMetric(float64(len(sizes)), "pages")
	b.ReportMetric(float64(sizes[len(sizes)/2])/1024, "median-KB")
	b.ReportMetric(float64(sizes[len(sizes)-1])/1024, "max-KB")
}

// loads matches what a page loads at once: stylesheets, icons, scripts,
// images.
var loads = regexp.MustCompile(`<(?:link [^>]*rel="(?:stylesheet|icon)"[^>]*href|script [^>]*src|img [^>]*src)="([^"]+)"`)

// firstVisitSizes returns, for each page, the gzip-compressed bytes of its
// HTML and of what it loads, each file counted once per page.
func firstVisitSizes(b *testing.B, site *Site) []int {
	var sizes []int
	for _, p := range site.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		html := site.Files[p]
		total := gzipSize(b, html)
		seen := map[string]bool{}
		for _, m := range loads.FindAllSubmatch(html, -1) {
			ref, _, _ := strings.Cut(string(m[1]), "?")
			file := path.Clean(path.Join(path.Dir(p), ref))
			if seen[file] {
				continue
			}
			seen[file] = true
			data, ok := site.Files[file]
			if !ok {
				b.Fatalf("%s loads %s, which the site does not have", p, file)
			}
			total += gzipSize(b, data)
		}
		sizes = append(sizes, total)
	}
	return sizes
}

func gzipSize(b *testing.B, data []byte) int {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	if err != nil {
		b.Fatal(err)
	}
	zw.Write(data)
	zw.Close()
	return buf.Len()
}

// BenchmarkGenerateCorpus builds the generated corpus of 1,000 pages
// (package corpus, the input make bench also gives Hugo) in memory.
func BenchmarkGenerateCorpus(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Config{Root: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServeEdit measures docgen serve on the 1,000-page corpus from
// the save of one page's Markdown to the reload event the open page gets:
// file notification, the update of that page, the write, the event.
func BenchmarkServeEdit(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Serve(ctx, Config{Root: dir, Out: filepath.Join(dir, "public")}, addr, io.Discard, io.Discard)
	var resp *http.Response
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		if resp, err = http.Get("http://" + addr + "/_docgen/events"); err == nil {
			break
		}
		if time.Since(start) > time.Minute {
			b.Fatal(err)
		}
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	next := func() string {
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				b.Fatal(err)
			}
			if strings.HasPrefix(line, "data: ") {
				return line
			}
		}
	}
	next() // the state after the first build
	time.Sleep(200 * time.Millisecond)
	page := filepath.Join(dir, "content", "s10", "p0500.md")
	src, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		edited := append(bytes.Clone(src), fmt.Sprintf("\nEdit number %d.\n", i)...)
		start := time.Now()
		if err := os.WriteFile(page, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		if ev := next(); strings.Contains(ev, `"error":"content`) {
			b.Fatalf("the edit failed: %s", ev)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/edit")
}

// BenchmarkDocgenVsHugo builds the 1,000-page corpus with the docgen
// command and with Hugo (the same Markdown, package corpus), one after the
// other in each iteration, and reports each one's median wall time and
// hugo/docgen: how many times faster docgen is. make bench installs Debian's
// hugo first (scripts/ensure-hugo.sh); without it the benchmark is skipped.
func BenchmarkDocgenVsHugo(b *testing.B) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		b.Skip("no hugo on PATH: run scripts/ensure-hugo.sh (make bench does)")
	}
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	docgen := filepath.Join(dir, "docgen")
	if out, err := exec.Command("go", "build", "-o", docgen, "oteldocs.dev/cmd/docgen").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(name string, args ...string) time.Duration {
		start := time.Now()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", name, err, out)
		}
		return time.Since(start)
	}
	var docgenTimes, hugoTimes []time.Duration
	for i := 0; b.Loop(); i++ {
		d := func() {
			docgenTimes = append(docgenTimes, run(docgen, "build", "-root", dir, "-out", filepath.Join(dir, "public")))
		}
		h := func() {
			hugoTimes = append(hugoTimes, run(hugo, "--quiet", "-s", filepath.Join(dir, "hugo"), "-d", filepath.Join(dir, "hugo-public")))
		}
		if i%2 == 0 { // alternate who goes first: the page cache favours the second
			d()
			h()
		} else {
			h()
			d()
		}
	}
	median := func(ds []time.Duration) time.Duration {
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	md, mh := median(docgenTimes), median(hugoTimes)
	b.ReportMetric(float64(md.Milliseconds()), "docgen-ms")
	b.ReportMetric(float64(mh.Milliseconds()), "hugo-ms")
	b.ReportMetric(float64(mh)/float64(md), "hugo/docgen")
}
