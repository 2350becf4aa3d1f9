package main

import (
	"fmt"
	"os"
	"os/exec"
)

// counter 是一个全局变量：goroutine 和子进程都会去改它。
var counter = 0

func main() {
	if os.Getenv("ROLE") == "child" {
		fmt.Printf("子进程 %d（父进程 %d）：看到 counter = %d\n", os.Getpid(), os.Getppid(), counter)
		counter++
		fmt.Printf("子进程 %d：counter++ 之后 counter = %d\n", os.Getpid(), counter)
		return
	}

	counter = 100
	fmt.Printf("main（进程 %d）：counter = %d\n", os.Getpid(), counter)

	// ① 交给一个 goroutine：它和 main 在同一个进程里，改的是同一个变量。
	done := make(chan struct{})
	go func() {
		fmt.Printf("goroutine（进程 %d）：看到 counter = %d\n", os.Getpid(), counter)
		counter++
		fmt.Printf("goroutine：counter++ 之后 counter = %d\n", counter)
		close(done)
	}()
	<-done // 等 goroutine 改完再读，两边不会同时访问 counter
	fmt.Printf("main：goroutine 结束后 counter = %d\n", counter)

	// ② 交给一个子进程：同一个程序以 ROLE=child 的身份再运行一次。
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	fmt.Printf("main：子进程结束后 counter = %d\n", counter)
}
