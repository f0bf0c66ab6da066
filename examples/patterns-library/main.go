// Command patterns-library is an application that uses the blobdir
// library: it installs the SDK, which the library does not depend on, and
// stores two blobs, one into a folder that does not exist.
//
// It exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"oteldocs.dev/examples/patterns-library/blobdir"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	// [START app]
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	dir, err := os.MkdirTemp("", "blobs")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	// The library records through the global providers setupOTel set.
	store, err := blobdir.New(dir)
	if err != nil {
		return err
	}
	if err := store.Put(ctx, "greeting.txt", []byte("hello, world\n")); err != nil {
		return err
	}
	// [END app]
	// A blob in a folder that does not exist: an error span.
	err = store.Put(ctx, filepath.Join("missing", "note.txt"), []byte("lost"))
	log.Printf("put into a missing folder: %v", err)
	return nil
}
