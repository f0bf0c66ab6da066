package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// [START naming]
// usersHandler serves GET /users/{id}. otelhttp names each server span after
// the pattern that matched, "GET /users/{id}": one name for any number of
// users. The concrete path goes into the url.path attribute.
func usersHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "user %s\n", r.PathValue("id"))
	})
	return otelhttp.NewHandler(mux, "users")
}

// [END naming]

// getUsers starts the handler on a local port and requests three users.
func getUsers(ctx context.Context) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: usersHandler()}
	go srv.Serve(ln)
	defer srv.Close()

	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	for _, id := range []string{"1", "2", "42"} {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+ln.Addr().String()+"/users/"+id, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return nil
}
