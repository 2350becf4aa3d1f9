package main

import (
	"fmt"
)

func greet(who string) { fmt.Println("你好,", who) }

func main() {
	greet("并发")
}
