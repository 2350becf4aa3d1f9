// exit: 3
// output: before\n
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred calls do not run")
	fmt.Println("before")
	os.Exit(3)
}
