package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Printf("Process (%d) start...\n", os.Getpid())

	// fork 和 exec 合成一步：子进程一出生就变成了 /bin/sh。
	script := `echo "I am child process ($$) and my parent is $PPID."`
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", script}, &syscall.ProcAttr{
		Env:   os.Environ(),
		Files: []uintptr{0, 1, 2}, // 子进程继承父进程的标准输入、输出和错误
	})
	if err != nil {
		panic(err)
	}

	var status syscall.WaitStatus
	if _, err := syscall.Wait4(pid, &status, 0, nil); err != nil { // 等待并回收子进程
		panic(err)
	}
	fmt.Printf("I (%d) created child process (%d); it exited with status %d.\n", os.Getpid(), pid, status.ExitStatus())
}
