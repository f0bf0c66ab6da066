// Command metadata serves the cloud metadata emulator (package emulator) on
// -addr (every provider) and -azure-addr (Azure alone), logging each request
// to standard error. It is the
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

	"oteldocs.dev/testcontainers/metadata/emulator"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address of every provider")
	azureAddr := flag.String("azure-addr", ":80", "listen address of Azure's IMDS alone")
	flag.Parse()
	logger := log.New(os.Stderr, "metadata: ", log.LstdFlags)
	errs := make(chan error)
	for a, h := range map[string]http.Handler{*addr: emulator.Handler(logger), *azureAddr: emulator.AzureHandler(logger)} {
		logger.Printf("listening on %s", a)
		go func() { errs <- http.ListenAndServe(a, h) }()
	}
	log.Fatal(<-errs)
}
