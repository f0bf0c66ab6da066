// Command semconv-http shows the HTTP semantic conventions as otelhttp
// applies them: a users service on echo and an orders service on a
// net/http ServeMux, both wrapped by otelhttp, called by a client through
// the otelhttp transport. Each call is one trace: the CLIENT span, and
// the SERVER span as its child.
//
// It is configured only by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT
// (for example http://localhost:4318), OTEL_SERVICE_NAME and
// OTEL_RESOURCE_ATTRIBUTES.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"
)

func main() {
	if err := run(context.Background()); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) (err error) {
	shutdown, err := setupOTel(ctx)
	if err != nil {
		return fmt.Errorf("set up OpenTelemetry: %w", err)
	}
	defer func() {
		// A fresh context: ctx may already be cancelled by Ctrl-C.
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err = errors.Join(err, shutdown(ctx))
	}()

	users, stopUsers, err := serve(newUsersServer())
	if err != nil {
		return err
	}
	orders, stopOrders, err := serve(newOrdersServer())
	if err != nil {
		return errors.Join(err, stopUsers())
	}

	// [START calls]
	client := newClient()
	for _, url := range []string{
		users + "/users/42",  // 200
		users + "/users/7",   // 404: no such user
		users + "/users/13",  // 500: the user store fails
		orders + "/orders/7", // 200
	} {
		if err := get(ctx, client, url); err != nil {
			return errors.Join(err, stopUsers(), stopOrders())
		}
	}
	// [END calls]

	// Stop the services before the providers, so that their last spans
	// end first.
	return errors.Join(stopUsers(), stopOrders())
}

// serve serves h on a free port of the loopback interface. It returns the
// base URL and a function that shuts the server down and returns the
// error of Serve, if it was not the normal http.ErrServerClosed.
func serve(h http.Handler) (base string, stop func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	stop = func() error {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		err := srv.Shutdown(ctx)
		if serveErr := <-served; !errors.Is(serveErr, http.ErrServerClosed) {
			err = errors.Join(err, serveErr)
		}
		return err
	}
	return "http://" + ln.Addr().String(), stop, nil
}
