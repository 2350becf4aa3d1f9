// args: -n 3 rest
// output: 3 [rest]\n
package main

import (
	"flag"
	"fmt"
)

func main() {
	n := flag.Int("n", 1, "how many")
	flag.Parse()
	fmt.Println(*n, flag.Args())
}
