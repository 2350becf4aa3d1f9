package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// handle 处理一个请求。它有一个错误：counts 是 nil map，写入它会 panic。
func handle(id int) {
	fmt.Printf("工作者（进程 %d，父进程 %d）：处理请求 %d\n", os.Getpid(), os.Getppid(), id)
	var counts map[string]int
	counts["requests"]++
	fmt.Printf("请求 %d 处理完了\n", id)
}

func main() {
	if os.Getenv("ROLE") == "worker" {
		handle(1)
		return
	}

	fmt.Printf("main（进程 %d）：把请求 1 交给一个工作者\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe) // 工作者是一个子进程：同一个程序，以 ROLE=worker 的身份再运行一次
	cmd.Env = append(os.Environ(), "ROLE=worker")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = os.Stdout, &stderr
	if err := cmd.Run(); err != nil {
		first, _, _ := strings.Cut(stderr.String(), "\n")
		fmt.Printf("main：工作者失败了（%v）：%s\n", err, first)
	}
	fmt.Println("main：继续处理别的请求")
}
