// A plausible wrong answer: two children one after the other, but the
// second is not told which process came before it, so nothing shows that
// the first was waited for.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func child() {
	fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
	prev, err := strconv.Atoi(os.Getenv("PREV_CHILD"))
	if err != nil {
		return
	}
	if err := syscall.Kill(prev, 0); err == syscall.ESRCH {
		fmt.Printf("前一个子进程 (%d) 已经结束，并且被回收了。\n", prev)
	} else {
		fmt.Printf("前一个子进程 (%d) 还在：还在运行，或者已经结束、但还没被回收。\n", prev)
	}
}

func main() {
	if os.Getenv("FORK_ROLE") == "child" {
		child()
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
		if err := cmd.Run(); err != nil {
			panic(err)
		}
	}
}
