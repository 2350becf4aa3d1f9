// err: build
// diag: case.md:10:14: undefined: y
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x)
	fmt.Println(y)
}
