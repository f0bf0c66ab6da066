// Command gotest is a fixture for run.test: Double is what its test checks.
package main

import "fmt"

// Double returns twice n.
func Double(n int) int { return 2 * n }

func main() { fmt.Println(Double(2)) }
