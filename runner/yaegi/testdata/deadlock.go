// err: timeout
// timeout: 1s
package main

func main() {
	ch := make(chan int)
	<-ch
}
