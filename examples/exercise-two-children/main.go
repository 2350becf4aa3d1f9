package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

// child 是子进程要做的事：报告自己和父进程的 ID；如果父进程告诉了它前一个子进程的 ID，
// 再查一查前一个子进程是否还存在。
func child() {
	fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
	prev, err := strconv.Atoi(os.Getenv("PREV_CHILD"))
	if err != nil {
		return // 没有前一个子进程
	}
	// 信号 0 并不发送：kill 只检查这个进程是否存在。结束了、但还没被父进程回收的僵尸进程也算存在。
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
	prev := 0 // 前一个子进程的 ID；0 表示还没有
	for range 2 {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "FORK_ROLE=child")
		if prev != 0 {
			cmd.Env = append(cmd.Env, "PREV_CHILD="+strconv.Itoa(prev))
		}
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil { // Run = Start + Wait：等这个子进程结束并回收它，再创建下一个
			panic(err)
		}
		prev = cmd.Process.Pid
	}
}
