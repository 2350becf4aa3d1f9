// A plausible wrong answer: both children are started before either is
// waited for. They run at the same time, so when the second looks, the
// first is still there (running, or a zombie not yet reaped).
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
	var cmds []*exec.Cmd
	prev := 0
	for range 2 {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "FORK_ROLE=child")
		if prev != 0 {
			cmd.Env = append(cmd.Env, "PREV_CHILD="+strconv.Itoa(prev))
		}
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil { // wrong: not waited for before the next one
			panic(err)
		}
		prev = cmd.Process.Pid
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			panic(err)
		}
	}
}
