// exit: 1
// output: a\nb\n
package main

import "log"

func main() {
	log.SetFlags(0)
	log.Println("a")
	log.Fatal("b")
}
