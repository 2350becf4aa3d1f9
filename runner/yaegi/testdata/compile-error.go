// err: build
// output:
// diag: case.md:11:14: undefined: y
package main

import "fmt"

func main() {
	x := 1
	fmt.Println(x)
	fmt.Println(y)
}
