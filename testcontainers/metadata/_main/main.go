// Command metadata serves the cloud metadata emulator (package emulator) on
// every address of -addr, logging each request to standard error. It is the
// entry point of the oteldocs/metadata image; see
// oteldocs.dev/testcontainers/metadata. Port 80 is where the Azure
// detector asks (169.254.169.254:80), port 8080 where the others are
// pointed.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strings"

	"oteldocs.dev/testcontainers/metadata/emulator"
)

func main() {
	addrs := flag.String("addr", ":8080,:80", "listen addresses, comma-separated")
	flag.Parse()
	logger := log.New(os.Stderr, "metadata: ", log.LstdFlags)
	h := emulator.Handler(logger)
	errs := make(chan error)
	for _, addr := range strings.Split(*addrs, ",") {
		logger.Printf("listening on %s", addr)
		go func() { errs <- http.ListenAndServe(addr, h) }()
	}
	log.Fatal(<-errs)
}
