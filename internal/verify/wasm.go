package verify

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"

	"oteldocs.dev/internal/spec"
)

// wasmBuilds remembers the report of each js/wasm build of this process,
// by example folder, package and output: the cases of one example build it
// once.
var wasmBuilds = struct {
	sync.Mutex
	report map[string][]byte
}{report: map[string][]byte{}}

// buildWasm builds run.browser.wasm: the package for GOOS=js GOARCH=wasm,
// once as is and once stripped; the stripped build is written to
// run.browser.wasm.out and the Go release's wasm_exec.js beside it. It
// returns verify's report of the sizes in bytes: the two builds, and the
// stripped one compressed with gzip and brotli, as a server would send it.
func buildWasm(ctx context.Context, ex Example, w *spec.Wasm) ([]byte, error) {
	key := ex.Dir + "\x00" + w.Package + "\x00" + w.Out
	wasmBuilds.Lock()
	defer wasmBuilds.Unlock()
	if r, ok := wasmBuilds.report[key]; ok {
		return r, nil
	}
	tmp, err := os.MkdirTemp("", "verify-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if b, err := goCmd(ctx, ex, []string{"GOOS=js", "GOARCH=wasm"}, "vet", w.Package).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go vet %s in %s for js/wasm: %v\n%s", w.Package, relDir(ex), err, strings.TrimSpace(string(b)))
	}
	plainPath := filepath.Join(tmp, "plain.wasm")
	plain, err := jsBuild(ctx, ex, w.Package, plainPath, "")
	if err != nil {
		return nil, err
	}
	out, err := filepath.Abs(filepath.Join(ex.Dir, filepath.FromSlash(w.Out)))
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	// Written beside, then renamed: a server that is reading the old file
	// never sees half of the new one.
	tmpOut := beside(out)
	stripped, err := jsBuild(ctx, ex, w.Package, tmpOut, stripFlags)
	if err != nil {
		os.Remove(tmpOut)
		return nil, err
	}
	if err := os.Rename(tmpOut, out); err != nil {
		return nil, err
	}
	execJS := filepath.Join(goEnv(ctx, "GOROOT"), "lib", "wasm", "wasm_exec.js")
	if err := copyFile(execJS, filepath.Join(filepath.Dir(out), "wasm_exec.js")); err != nil {
		return nil, fmt.Errorf("copy wasm_exec.js of this Go: %w", err)
	}
	gz, br, err := compressedSizes(out)
	if err != nil {
		return nil, err
	}
	var r bytes.Buffer
	fmt.Fprintf(&r, "verify: built %s for js/wasm with %s (size in bytes)\n", w.Package, goEnv(ctx, "GOVERSION"))
	fmt.Fprintf(&r, "verify:   plain                        %10d\n", plain)
	fmt.Fprintf(&r, "verify:   stripped (-ldflags=%q)   %10d  served as %s\n", stripFlags, stripped, w.Out)
	fmt.Fprintf(&r, "verify:   stripped, gzip -9            %10d\n", gz)
	fmt.Fprintf(&r, "verify:   stripped, brotli -q %d        %10d\n", brotliQuality, br)
	wasmBuilds.report[key] = r.Bytes()
	return r.Bytes(), nil
}

// jsBuild builds pkg of the example for js/wasm into out and returns the
// file's size.
func jsBuild(ctx context.Context, ex Example, pkg, out, ldflags string) (int64, error) {
	return sizedBuild(ctx, ex, pkg, out, ldflags, "js/wasm", "GOOS=js", "GOARCH=wasm")
}

// brotliQuality is the brotli level of the size report: 6 takes about two
// seconds on a 27 MB module here; the best, 11, takes minutes.
const brotliQuality = 6

// compressedSizes is the size of the file compressed with gzip (level 9)
// and with brotli (brotliQuality).
func compressedSizes(path string) (gz, br int64, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var c counter
	zw, _ := gzip.NewWriterLevel(&c, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		return 0, 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, 0, err
	}
	gz, c = c.n, counter{}
	bw := brotli.NewWriterLevel(&c, brotliQuality)
	if _, err := bw.Write(b); err != nil {
		return 0, 0, err
	}
	if err := bw.Close(); err != nil {
		return 0, 0, err
	}
	return gz, c.n, nil
}

// counter counts the bytes written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// beside is a temporary name in the folder of path, unique to this run. It
// starts with a dot, so a file left behind by a killed run is neither in
// the example's fingerprint nor in its download.
func beside(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"."+randomHex(4)+".new")
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := beside(to)
	dst, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		os.Remove(tmp)
		return err
	}
	if err := dst.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, to)
}
