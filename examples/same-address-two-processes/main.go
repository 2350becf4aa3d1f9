package main

import (
	"fmt"
	"os"
	"os/exec"
)

// counter 是一个全局变量。Go 在 Linux 上默认生成的可执行文件不是位置无关的（非 PIE），
// 所以同一个程序的每个进程里，它都位于同一个虚拟地址。
var counter = 1

func main() {
	if os.Getenv("ROLE") == "child" {
		fmt.Printf("子进程 %d：&counter = %p，counter = %d\n", os.Getpid(), &counter, counter)
		counter = 42
		fmt.Printf("子进程 %d：把 counter 改成了 %d\n", os.Getpid(), counter)
		return
	}

	counter = 100
	fmt.Printf("父进程 %d：&counter = %p，counter = %d\n", os.Getpid(), &counter, counter)
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil { // Run = Start + Wait：子进程结束后才返回
		panic(err)
	}
	fmt.Printf("父进程 %d：子进程结束了，counter = %d\n", os.Getpid(), counter)
}
