// Package emulator answers as the metadata services of the clouds answer, in
// the shapes each provider documents, so that the real OpenTelemetry resource
// detectors can be run on a machine that is on no cloud. One handler serves
// every provider; their paths do not overlap:
//
//	/computeMetadata/v1/...            Google Cloud (GCE_METADATA_HOST), header Metadata-Flavor: Google
//	/latest/api/token, /latest/...     AWS EC2 instance metadata, IMDSv2 (AWS_EC2_METADATA_SERVICE_ENDPOINT)
//	/v4/<id>, /v4/<id>/task            AWS ECS task metadata v4 (ECS_CONTAINER_METADATA_URI_V4)
//	/metadata/instance/compute         Azure Instance Metadata Service, header Metadata: True
//	/healthz                           ready check, for the container's wait strategy
//
// The command serves Handler on port 8080 and AzureHandler, Azure's IMDS
// alone, on port 80.
//
// Every value is fictional but shaped as the provider's own (zones, ARNs,
// resource IDs). The package uses only the standard library: it is compiled
// into a FROM scratch image by oteldocs.dev/testcontainers/metadata.
package emulator

import (
	"log"
	"net/http"
)

// Handler returns the handler serving every provider. Each request is
// logged to logger (nil: not logged), so that `docker logs` shows what a
// detector asked.
func Handler(logger *log.Logger) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	gcp(mux)
	ec2(mux)
	ecs(mux)
	azure(mux)
	return logged(mux, logger)
}

// AzureHandler returns the handler of Azure's IMDS alone, for the fixed
// address 169.254.169.254:80: there, as on an Azure VM, the other providers'
// paths get 404.
func AzureHandler(logger *log.Logger) http.Handler {
	mux := http.NewServeMux()
	azure(mux)
	return logged(mux, logger)
}

// logged logs each request to logger, if any.
func logged(mux *http.ServeMux, logger *log.Logger) http.Handler {
	if logger == nil {
		return mux
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &status{ResponseWriter: w, code: http.StatusOK}
		mux.ServeHTTP(rec, r)
		logger.Printf("%s %s %d", r.Method, r.URL.RequestURI(), rec.code)
	})
}

// status records the status code a handler wrote.
type status struct {
	http.ResponseWriter
	code int
}

func (s *status) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

// text answers with a plain-text value, as the GCE and EC2 services do.
func text(value string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte(value))
	}
}

// jsonBody answers with a JSON document.
func jsonBody(doc string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(doc))
	}
}
