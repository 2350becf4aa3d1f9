package main

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	if os.Getenv("PROC_ROLE") == "child" {
		time.Sleep(time.Second) // 子进程：干 1 秒的活
		fmt.Println("子进程：活干完了")
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "PROC_ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		panic(err)
	}

	// Wait 会一直阻塞，而且只能调用一次：放进一个 goroutine，结束时把结果送进 channel。
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// 相当于 p.join(0.1)：最多等 0.1 秒。
	select {
	case err := <-done:
		fmt.Printf("0.1 秒之内子进程就结束了：%v\n", err)
		return
	case <-time.After(100 * time.Millisecond):
		fmt.Println("等了 0.1 秒，子进程还在运行：不再等它，但它不受任何影响")
	}

	// 最后还是要等它结束，把它回收。
	if err := <-done; err != nil {
		panic(err)
	}
	fmt.Printf("子进程结束了：%v\n", cmd.ProcessState)
}
