// stdout: out 1\nout 2\n
// stderr: err 1\nerr 2\n
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("out 1")
	fmt.Fprintln(os.Stderr, "err 1")
	os.Stdout.WriteString("out 2\n")
	os.Stderr.WriteString("err 2\n")
}
