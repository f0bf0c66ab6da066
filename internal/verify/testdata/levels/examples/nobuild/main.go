// Command nobuild does not compile: verify must stop it at no level.
package main

func main() {
	var n int = "not a number"
	_ = n
}
