package main

import (
	"fmt"
	"os"
	"os/exec"
)

func main() {
	if os.Getenv("FORK_ROLE") == "child" {
		fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
		return
	}

	fmt.Printf("Process (%d) start...\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	for range 2 {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "FORK_ROLE=child")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil { // Run = Start + Wait：等这个子进程结束，再创建下一个
			panic(err)
		}
	}
}
