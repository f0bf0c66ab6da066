// Command alongside is the main program of TestAlongside: it prints a line
// and exits.
package main

import "fmt"

func main() { fmt.Println("main ran") }
