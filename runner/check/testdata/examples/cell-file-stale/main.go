package main

import "fmt"

func greet(who string) { fmt.Println("hello,", who) }

func main() {
	greet("并发")
}
