// output: hi from echo\nexit status 4\n
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	out, err := exec.Command("echo", "hi from echo").Output()
	if err != nil {
		panic(err)
	}
	fmt.Print(string(out))
	fmt.Println(exec.Command("sh", "-c", "exit 4").Run())
}
