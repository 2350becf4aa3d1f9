package main

import (
	"fmt"
	"io"
	"os"
)

// isChild 报告当前进程是不是父进程重新启动的那一个：
// 父进程启动它时，在环境变量里放了 FORK_ROLE=child。
func isChild() bool { return os.Getenv("FORK_ROLE") == "child" }

// child 是子进程要做的事：等父进程关闭管道，再报告自己和父进程的 ID。
func child() {
	io.Copy(io.Discard, os.Stdin) // 等父进程关闭管道再开口，使打印顺序固定
	fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
}

func main() {
	if isChild() {
		child() // 与上面是同一个子进程：它仍然等标准输入关闭再开口
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
