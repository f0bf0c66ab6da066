package main

import (
	"os"
	"testing"
)

// TestDouble fails when BREAK is set, so the fixture shows both outcomes.
func TestDouble(t *testing.T) {
	want := 4
	if os.Getenv("BREAK") != "" {
		want = 5
	}
	if got := Double(2); got != want {
		t.Fatalf("Double(2) = %d, want %d", got, want)
	}
}
