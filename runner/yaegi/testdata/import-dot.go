// output: 2 b\n
package main

import (
	. "container/list"
	"fmt"
)

// A dot import of a package that not every program gets: the worker
// loads it for the program as for any other import.
func main() {
	l := New()
	l.PushBack("a")
	l.PushBack("b")
	fmt.Println(l.Len(), l.Back().Value)
}
