package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if os.Getenv("FORK_ROLE") == "child" {
		io.Copy(io.Discard, os.Stdin)
		fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
		return
	}

	fmt.Printf("Process (%d) start...\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	r, w, err := os.Pipe() // 子进程的标准输入：父进程写完（关闭 w）之前，子进程一直等着
	if err != nil {
		panic(err)
	}
	attr := &os.ProcAttr{
		Env:   append(os.Environ(), "FORK_ROLE=child"),
		Files: []*os.File{r, os.Stdout, os.Stderr}, // 子进程的 0、1、2 号文件描述符
	}
	p, err := os.StartProcess(exe, []string{exe}, attr)
	if err != nil {
		panic(err)
	}
	r.Close() // 父进程自己不读这一端
	fmt.Printf("I (%d) just created a child process (%d).\n", os.Getpid(), p.Pid)
	w.Close()
	state, err := p.Wait() // 等子进程结束并回收它，否则它会成为僵尸进程
	if err != nil {
		panic(err)
	}
	fmt.Println("child exited:", state)
}
