// Command metadata serves the cloud metadata emulator (package emulator) on
// -addr, logging each request to standard error. It is the entry point of
// the oteldocs/metadata image; see oteldocs.dev/testcontainers/metadata.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"

	"oteldocs.dev/testcontainers/metadata/emulator"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	flag.Parse()
	logger := log.New(os.Stderr, "metadata: ", log.LstdFlags)
	logger.Printf("listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, emulator.Handler(logger)))
}
