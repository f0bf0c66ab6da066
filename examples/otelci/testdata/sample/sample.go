// Package sample is the small module the otelci example runs `go test -json`
// on: a passing, a failing, a skipped and two parallel tests, subtests, and
// a test that SAMPLE_SLOW makes slower on purpose.
package sample

import "math"

// Add returns a + b.
func Add(a, b int) int { return a + b }

// Round rounds x to the nearest integer, halves away from zero. It has a
// bug on purpose: it truncates, so TestRound fails.
func Round(x float64) int { return int(x) }

// Hypot returns the length of the hypotenuse.
func Hypot(a, b float64) float64 { return math.Sqrt(a*a + b*b) }
