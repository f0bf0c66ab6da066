package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

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
func getUsers(ctx context.Context) (err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: usersHandler(), ReadHeaderTimeout: 5 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	defer func() { err = errors.Join(err, stopServer(srv, serveErr)) }()

	// Client spans are named after the method, as the semantic conventions
	// say; otelhttp's default would be "HTTP GET".
	client := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport,
		otelhttp.WithSpanNameFormatter(func(_ string, r *http.Request) string {
			return r.Method
		}),
	)}
	for _, id := range []string{"1", "2", "42"} {
		if err := getUser(ctx, client, "http://"+ln.Addr().String()+"/users/"+id); err != nil {
			return err
		}
	}
	return nil
}

func getUser(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// stopServer stops accepting requests and waits for those in flight, at
// most shutdownTimeout. Serve's error is returned unless it is the
// http.ErrServerClosed that Shutdown causes.
func stopServer(srv *http.Server, serveErr <-chan error) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serr := <-serveErr; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve: %w", serr))
	}
	return err
}
