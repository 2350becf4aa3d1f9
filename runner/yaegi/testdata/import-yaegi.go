// output: true\n
package main

import (
	"fmt"

	"github.com/traefik/yaegi/stdlib"
)

// A package of the interpreter's symbol tables that is not in the
// standard library, and so not in the worker's table of its import
// graph: the worker loads every package for it.
func main() {
	fmt.Println(len(stdlib.Symbols["fmt/fmt"]) > 10)
}
