package main

import (
	"fmt"
	"net/http"
	"strings"
)

// newServer returns the HTTP handler of the service.
func newServer() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello/{name}", hello)
	return mux
}

// hello greets the name in the path, after checking it.
func hello(w http.ResponseWriter, r *http.Request) {
	name, err := checkName(r.PathValue("name"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "hello, %s\n", name)
}

// checkName accepts a name of letters only.
func checkName(name string) (string, error) {
	if name == "" || strings.ContainsFunc(name, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
		return "", fmt.Errorf("name %q: use letters only", name)
	}
	return name, nil
}
