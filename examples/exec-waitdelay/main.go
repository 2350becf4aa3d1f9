package main

import (
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// run 运行一个 sh：它在后台留下一个睡 sleep 秒的孙进程，自己打印一行就退出。
func run(sleep int, waitDelay time.Duration) {
	cmd := exec.Command("sh", "-c", fmt.Sprintf("sleep %d & echo 你好", sleep))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = waitDelay
	start := time.Now()
	out, err := cmd.Output() // 读标准输出直到 EOF，再等 sh 退出
	elapsed := time.Since(start)
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // 收拾孙进程

	fmt.Printf("WaitDelay=%v：输出 %q，错误：%v\n", waitDelay, out, err)
	fmt.Printf("WaitDelay=%v：等满了孙进程的 %d 秒：%t\n", waitDelay, sleep, elapsed >= time.Duration(sleep)*time.Second)
}

func main() {
	run(1, 0)
	run(3, 100*time.Millisecond)
}
