package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
)

func main() {
	// 同一个程序会运行两次：第二次由父进程启动，环境变量 FORK_ROLE=child 说明了它的身份。
	// 这就是 Go 里 “fork() 调用一次、返回两次” 的对应物。
	if os.Getenv("FORK_ROLE") == "child" {
		io.Copy(io.Discard, os.Stdin) // 等父进程关闭管道再开口，使打印顺序固定
		fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
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
