// err: timeout
// timeout: 1s
// child-killed
package main

import (
	"fmt"
	"math/rand"
	"os/exec"
)

func main() {
	// A unique argument finds the child from outside its PID namespace.
	arg := fmt.Sprintf("100.%09d", rand.Intn(1e9))
	cmd := exec.Command("sleep", arg)
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	fmt.Println(arg)
	n := 0
	for {
		n++
	}
}
