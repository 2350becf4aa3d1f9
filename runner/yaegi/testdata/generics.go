// output: true 2 -1 true\n
package main

import (
	"cmp"
	"fmt"
	"slices"
)

func main() {
	s := []int{3, 1, 2}
	fmt.Println(slices.Contains(s, 1), slices.Index(s, 2), cmp.Compare(1, 2), cmp.Less("a", "b"))
}
