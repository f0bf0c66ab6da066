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
	"net"
	"net/http"
	"os"
	"strconv"

	"oteldocs.dev/testcontainers/metadata/emulator"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address of every provider")
	azureAddr := flag.String("azure-addr", ":80", "listen address of Azure's IMDS alone")
	k8sAddr := flag.String("k8s-addr", "", "if set, the TLS listen address of a Kubernetes API for the EKS detector, whose service account files are written to "+emulator.ServiceAccountDir)
	flag.Parse()
	logger := log.New(os.Stderr, "metadata: ", log.LstdFlags)
	errs := make(chan error)
	// The Kubernetes APIs first, files written and ports bound, so that once
	// /healthz answers on -addr everything is ready. The EKS cluster's API
	// is on -k8s-addr, another cluster's on the next port.
	if *k8sAddr != "" {
		cfg, err := emulator.ServiceAccount(emulator.ServiceAccountDir)
		if err != nil {
			log.Fatal(err)
		}
		host, port, err := net.SplitHostPort(*k8sAddr)
		if err != nil {
			log.Fatal(err)
		}
		n, err := strconv.Atoi(port)
		if err != nil {
			log.Fatal(err)
		}
		for i, eks := range []bool{true, false} {
			a := net.JoinHostPort(host, strconv.Itoa(n+i))
			ln, err := net.Listen("tcp", a)
			if err != nil {
				log.Fatal(err)
			}
			logger.Printf("Kubernetes API (EKS: %v) listening on %s (TLS)", eks, a)
			srv := &http.Server{Handler: emulator.K8sAPI(eks), TLSConfig: cfg}
			go func() { errs <- srv.ServeTLS(ln, "", "") }()
		}
	}
	for _, l := range []struct {
		addr string
		h    http.Handler
	}{{*azureAddr, emulator.AzureHandler(logger)}, {*addr, emulator.Handler(logger)}} {
		ln, err := net.Listen("tcp", l.addr)
		if err != nil {
			log.Fatal(err)
		}
		logger.Printf("listening on %s", l.addr)
		go func() { errs <- http.Serve(ln, l.h) }()
	}
	log.Fatal(<-errs)
}
