package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
)

// isChild 报告当前进程是不是父进程重新启动的那一个：
// 父进程启动它时，在环境变量里放了 FORK_ROLE=child。
func isChild() bool { return os.Getenv("FORK_ROLE") == "child" }

// child 是子进程要做的事：等父进程关闭管道，再报告自己和父进程的 ID。
func child() {
	io.Copy(io.Discard, os.Stdin) // 等父进程关闭管道再开口，使打印顺序固定
	fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
}

func main() {
	if isChild() {
		child()
		return
	}
	fmt.Printf("Process (%d) start...\n", os.Getpid())
	exe, err := os.Executable() // 当前程序自己的可执行文件
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "FORK_ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	gate, err := cmd.StdinPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	fmt.Printf("I (%d) just created a child process (%d).\n", os.Getpid(), cmd.Process.Pid)
	gate.Close() // 放行子进程
	if err := cmd.Wait(); err != nil {
		panic(err)
	}
}
