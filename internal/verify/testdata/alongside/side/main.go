// Command side is the program TestAlongside runs beside the main one. Its
// first argument says how it behaves:
//
//	ok       prints "ready", stops on SIGINT with status 0
//	early    exits with status 3 before it is ready
//	fail     prints "ready", exits with status 2 on SIGINT
//	ignore   prints "ready", ignores SIGINT
package main

import (
	"fmt"
	"os"
	"os/signal"
	"time"
)

func main() {
	mode := "ok"
	if len(os.Args) > 1 {
		mode = os.Args[1]
	}
	if mode == "early" {
		fmt.Println("giving up")
		os.Exit(3)
	}
	if mode == "ignore" {
		signal.Ignore(os.Interrupt)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	fmt.Println("ready", os.Getenv("SIDE_NAME"))
	if mode == "ignore" {
		time.Sleep(time.Hour)
	}
	<-stop
	fmt.Println("stopping")
	if mode == "fail" {
		os.Exit(2)
	}
}
