// Command docgen builds the documentation site from content/ and the
// example modules, or serves it with live reload while you write.
//
//	docgen build [-content content] [-out public] [-results build/verify/results.json]
//	docgen serve [-addr 127.0.0.1:8080]
//
// The authoring manual is the documentation of package
// oteldocs.dev/internal/docgen: go doc oteldocs.dev/internal/docgen.
package main

import (
	"os"

	"oteldocs.dev/internal/docgen"
)

func main() {
	os.Exit(docgen.Main(os.Args[1:], os.Stdout, os.Stderr, docgen.Config{}))
}
