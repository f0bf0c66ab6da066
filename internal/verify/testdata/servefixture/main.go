// Command servefixture is the server of serve_test.go: it serves on $ADDR
// until SIGINT or SIGTERM, printing each request it gets. FIXTURE_MODE
// makes it misbehave: "ignore" ignores the signals, "nohandler" lets them
// kill it, "exit" exits with status 3 before it listens, "close" stops with
// srv.Close, which drops the requests in flight.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// stopping is closed when the signal arrives: /slow is answered only then,
// so it is in flight when the server stops, however busy the machine.
var stopping = make(chan struct{})

// mode is FIXTURE_MODE.
var mode = os.Getenv("FIXTURE_MODE")

func main() {
	if mode == "exit" {
		fmt.Println("giving up")
		os.Exit(3)
	}
	sigs := make(chan os.Signal, 1)
	switch mode {
	case "ignore":
		signal.Ignore(os.Interrupt, syscall.SIGTERM)
	case "nohandler":
	default:
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	}
	srv := &http.Server{Addr: os.Getenv("ADDR"), Handler: http.HandlerFunc(handle)}
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe() }()
	select {
	case sig := <-sigs:
		fmt.Printf("stopping on %v\n", sig)
		close(stopping)
	case err := <-done:
		log.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	stop := srv.Shutdown
	if mode == "close" {
		stop = func(context.Context) error { return srv.Close() }
	}
	if err := stop(ctx); err != nil {
		log.Fatal(err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	fmt.Println("flushed")
}

// handle prints the request and answers /status/NNN with NNN, anything
// else with 200; /body answers with two lines of text. /slow is answered once the server is stopping; in "close"
// mode never: it waits until Close cancels the request (at most 10 s).
func handle(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	fmt.Printf("got %s %s header=%q body=%q\n", r.Method, r.URL.RequestURI(), r.Header.Get("X-Test"), body)
	if r.URL.Path == "/slow" {
		answer := stopping
		if mode == "close" {
			answer = nil // a nil channel never delivers
		}
		select {
		case <-answer:
			fmt.Println("answered /slow")
		case <-r.Context().Done():
			fmt.Println("cancelled /slow")
		case <-time.After(10 * time.Second):
			fmt.Println("/slow: not stopped within 10s")
		}
		return
	}
	if code, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/status/")); err == nil {
		w.WriteHeader(code)
	}
	if r.URL.Path == "/body" {
		fmt.Fprint(w, "metric_a 1\nmetric_b 2\n")
	}
}
