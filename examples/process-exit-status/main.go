package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// child 按命令行参数选择一种结束方式。
func child(how string) {
	switch how {
	case "return": // 正常返回：退出状态 0
		return
	case "exit3": // 相当于 Python 的 sys.exit(3)
		os.Exit(3)
	case "panic": // 相当于 Python 里没有被捕获的异常
		panic("出错了")
	case "sleep": // 一直睡下去，等着被父进程杀死
		time.Sleep(time.Minute)
	}
}

func main() {
	if os.Getenv("PROC_ROLE") == "child" {
		child(os.Args[1])
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	fmt.Printf("父进程 %d 依次启动 4 个子进程\n", os.Getpid())
	status := 0 // 父进程自己的退出状态：第一个失败的子进程的状态
	for _, how := range []string{"return", "exit3", "panic", "sleep"} {
		cmd := exec.Command(exe, how)
		cmd.Env = append(os.Environ(), "PROC_ROLE=child")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			panic(err)
		}
		if how == "sleep" {
			cmd.Process.Kill() // 相当于 Python 的 p.kill()：发送 SIGKILL
		}
		err := cmd.Wait()

		code := cmd.ProcessState.ExitCode() // 被信号杀死时是 -1
		fmt.Printf("%-6s 子进程 %d：err = %v，ExitCode() = %d\n", how, cmd.Process.Pid, err, code)
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) { // 子进程运行了，但没有以状态 0 结束
			ws := exitErr.Sys().(syscall.WaitStatus)
			if ws.Signaled() {
				fmt.Printf("       被信号 %d（%v）杀死\n", int(ws.Signal()), ws.Signal())
			}
		}
		if first, _, _ := strings.Cut(stderr.String(), "\n"); first != "" {
			fmt.Printf("       标准错误的第一行：%s\n", first)
		}
		if status == 0 && code > 0 {
			status = code
		}
	}
	fmt.Printf("父进程 %d 以状态 %d 退出\n", os.Getpid(), status)
	os.Exit(status)
}
