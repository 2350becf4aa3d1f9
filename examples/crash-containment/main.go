package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// child 以子进程的身份运行：先报告自己是谁，再扮演 role。除了 ok，每个角色出一种故障。
func child(role string) {
	fmt.Printf("子进程 %s（%d，父进程 %d）：", role, os.Getpid(), os.Getppid())
	switch role {
	case "ok":
		fmt.Println("正常完成")
	case "panic":
		fmt.Println("写一个 nil map")
		var counts map[string]int
		counts["requests"]++
	case "fatal":
		fmt.Println("解锁一个没有加锁的 Mutex")
		var mu sync.Mutex
		mu.Unlock()
	case "hang":
		fmt.Println("等一个永远不会来的回应")
		time.Sleep(time.Hour)
	}
}

// supervise 启动一个扮演 role 的子进程，最多等它 5 秒，然后报告它是怎样结束的。
func supervise(exe, role string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe) // 超时后，父进程用 SIGKILL 杀掉子进程
	cmd.Env = append(os.Environ(), "ROLE="+role)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = os.Stdout, &stderr
	cmd.Run() // 子进程怎样结束，看下面的 cmd.ProcessState
	first, _, _ := strings.Cut(stderr.String(), "\n")
	fmt.Printf("  结果：%v", cmd.ProcessState)
	if first != "" {
		fmt.Printf("，stderr 第一行：%s", first)
	}
	if ctx.Err() != nil {
		fmt.Print("（超时，被父进程杀掉）")
	}
	fmt.Println()
}

func main() {
	if role := os.Getenv("ROLE"); role != "" {
		child(role)
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	fmt.Printf("父进程 %d：依次启动 4 个子进程\n", os.Getpid())
	for _, role := range []string{"ok", "panic", "fatal", "hang"} {
		supervise(exe, role)
	}
	fmt.Printf("父进程 %d：4 个子进程都处理完了，我安然无恙\n", os.Getpid())
}
