// output: raw\nfmt\nerr\nprintln\n
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Stdout.Write([]byte("raw\n"))
	fmt.Println("fmt")
	os.Stderr.WriteString("err\n")
	fmt.Fprintln(os.Stderr, "println")
}
