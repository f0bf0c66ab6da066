package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"
)

// [START diskbuffer]

// newDiskBuffer reads its settings from the environment:
// OFFLINE_BUFFER_DIR (a folder that survives a restart in production, such
// as /var/lib/sensor-gateway/otlp), OFFLINE_BUFFER_MAX_BYTES and
// OFFLINE_BUFFER_MAX_AGE (a Go duration).
func newDiskBuffer() (*diskBuffer, error) {
	b := &diskBuffer{
		dir:      filepath.Join(os.TempDir(), "sensor-gateway-otlp"),
		maxBytes: 64 << 20,
		maxAge:   24 * time.Hour,
		next:     http.DefaultTransport,
	}
	if v := os.Getenv("OFFLINE_BUFFER_DIR"); v != "" {
		b.dir = v
	}
	if v := os.Getenv("OFFLINE_BUFFER_MAX_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("OFFLINE_BUFFER_MAX_BYTES: want a number of bytes, got %q", v)
		}
		b.maxBytes = n
	}
	if v := os.Getenv("OFFLINE_BUFFER_MAX_AGE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("OFFLINE_BUFFER_MAX_AGE: want a duration such as 24h, got %q", v)
		}
		b.maxAge = d
	}
	return b, nil
}

// diskBuffer is the HTTP transport of the OTLP exporters. While the
// Collector cannot be reached, it writes each export request to a file in
// dir and tells the exporter it was sent; once the Collector answers, it
// sends the files in the order they were written, each deleted only after
// the Collector accepted it, and then the new request. The folder is
// bounded: past maxBytes, or for files older than maxAge, the oldest file
// is dropped, counted and logged.
type diskBuffer struct {
	dir      string
	maxBytes int64
	maxAge   time.Duration
	next     http.RoundTripper

	mu      sync.Mutex // one export at a time keeps the files in order
	seq     int
	dropped int
}

// RoundTrip implements http.RoundTripper.
func (b *diskBuffer) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.drain(req); err == nil {
		resp, err := b.send(req, body)
		if err == nil {
			return resp, nil
		}
		log.Printf("buffer: %s not sent (%v): writing it to disk", req.URL.Path, err)
	}
	if err := b.write(req, body); err != nil {
		return nil, err // the exporter reports it; the batch is lost
	}
	return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody, Request: req,
		Header: http.Header{"Content-Type": {"application/x-protobuf"}}}, nil
}

// send posts body to the Collector. A refused connection, a 429 and a 5xx
// are errors worth keeping the batch for; any other answer is returned.
func (b *diskBuffer) send(req *http.Request, body []byte) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.ContentLength = int64(len(body))
	resp, err := b.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return resp, nil
}

// drain sends the files in order and deletes each once it was accepted.
// It stops at the first failure: the Collector is still away.
func (b *diskBuffer) drain(current *http.Request) error {
	if err := b.enforceBounds(); err != nil {
		return err
	}
	files, err := b.files()
	if err != nil || len(files) == 0 {
		return err
	}
	for _, name := range files {
		if err := b.sendFile(current, name); err != nil {
			return err
		}
		if err := os.Remove(name); err != nil {
			return err
		}
	}
	log.Printf("buffer: sent %d batches from disk", len(files))
	return nil
}

// sendFile reads one stored request and sends it where current goes.
func (b *diskBuffer) sendFile(current *http.Request, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	stored, err := http.ReadRequest(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	body, err := io.ReadAll(stored.Body)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	req := current.Clone(current.Context())
	req.URL.Path, req.Header = stored.URL.Path, stored.Header
	resp, err := b.send(req, body)
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		// Refused for good (a 400): sending it again would not help.
		log.Printf("buffer: %s from disk refused (%s): dropped", stored.URL.Path, resp.Status)
	}
	return nil
}

// write stores the request (headers and body, as on the wire) in a new
// file, then enforces the bounds.
func (b *diskBuffer) write(req *http.Request, body []byte) error {
	if err := os.MkdirAll(b.dir, 0o700); err != nil {
		return err
	}
	b.seq++
	name := filepath.Join(b.dir, fmt.Sprintf("%020d-%06d.http", time.Now().UnixNano(), b.seq))
	stored := req.Clone(req.Context())
	stored.Body = io.NopCloser(bytes.NewReader(body))
	stored.ContentLength = int64(len(body))
	var buf bytes.Buffer
	if err := stored.Write(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o600); err != nil {
		return err
	}
	log.Printf("buffer: wrote %s batch to disk (%d bytes)", req.URL.Path, buf.Len())
	return b.enforceBounds()
}

// enforceBounds drops the oldest files while the folder holds more than
// maxBytes or they are older than maxAge.
func (b *diskBuffer) enforceBounds() error {
	files, err := b.files()
	if err != nil {
		return err
	}
	var total int64
	sizes := make([]int64, len(files))
	for i, name := range files {
		info, err := os.Stat(name)
		if err != nil {
			return err
		}
		sizes[i] = info.Size()
		total += info.Size()
	}
	for i, name := range files {
		ageNanos, _ := strconv.ParseInt(filepath.Base(name)[:20], 10, 64)
		tooOld := time.Since(time.Unix(0, ageNanos)) > b.maxAge
		if total <= b.maxBytes && !tooOld {
			break
		}
		if err := os.Remove(name); err != nil {
			return err
		}
		total -= sizes[i]
		b.dropped++
		log.Printf("buffer: dropped the oldest batch %s (%d dropped so far)", filepath.Base(name), b.dropped)
	}
	return nil
}

// files lists the stored requests, oldest first (their names sort so).
func (b *diskBuffer) files() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(b.dir, "*.http"))
	slices.Sort(files)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return files, err
}

// [END diskbuffer]
