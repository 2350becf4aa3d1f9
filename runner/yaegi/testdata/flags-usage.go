// args: -h
// output: Usage of main:\n  -n int\n    \thow many (default 1)\n
package main

import (
	"flag"
	"fmt"
)

// The usage lists the program's flags only, not those the worker's own
// packages registered on the command line's flag set.
func main() {
	n := flag.Int("n", 1, "how many")
	flag.Parse()
	fmt.Println(*n)
}
