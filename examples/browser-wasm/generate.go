package main

// The page's files: the Go module compiled to WebAssembly, and the
// JavaScript glue of the same Go release that loads it.
//go:generate sh -c "GOOS=js GOARCH=wasm go build -ldflags='-s -w' -o web/main.wasm ./wasm"
//go:generate sh -c "cp \"$(go env GOROOT)/lib/wasm/wasm_exec.js\" web/"
