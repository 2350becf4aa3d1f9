// exit: 2
// contains: panic: boom
package main

import "time"

func main() {
	go func() { panic("boom") }()
	time.Sleep(5 * time.Second)
}
