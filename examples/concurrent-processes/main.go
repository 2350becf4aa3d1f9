package main

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

const steps, pause = 3, 100 * time.Millisecond

// child 分三步完成自己的工作，每一步之后休息 100 毫秒。
func child(name string) {
	for i := 1; i <= steps; i++ {
		fmt.Printf("子进程 %s（%d）：第 %d 步\n", name, os.Getpid(), i)
		time.Sleep(pause)
	}
}

func main() {
	if name := os.Getenv("CHILD_NAME"); name != "" {
		child(name)
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	fmt.Printf("父进程 %d 同时启动 3 个子进程\n", os.Getpid())
	start := time.Now()
	var cmds []*exec.Cmd
	for _, name := range []string{"A", "B", "C"} {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "CHILD_NAME="+name)
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Start(); err != nil { // 只启动，不等待
			panic(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			panic(err)
		}
	}
	alone := steps * pause // 一个子进程单独运行所需的时间
	fmt.Printf("3 个子进程都结束了，总耗时是一个子进程的 %.1f 倍\n", float64(time.Since(start))/float64(alone))
}
