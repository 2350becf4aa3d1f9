// err: output
// maxoutput: 1000
// contains: yyyyyyyyyy
package main

import "fmt"

func main() {
	for {
		fmt.Println("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy")
	}
}
