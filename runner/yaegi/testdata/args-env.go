// args: one "two words"
// env: GREETING=你好
// output: [one two words]\n你好\nin its scratch directory: true\n
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(os.Args[1:])
	fmt.Println(os.Getenv("GREETING"))
	wd, _ := os.Getwd()
	fmt.Println("in its scratch directory:", wd == os.Getenv("TMPDIR"))
}
