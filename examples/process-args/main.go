package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
)

// task 是交给子进程的任务，result 是子进程交回的结果。
// 它们要穿过进程的边界，所以都编码成 JSON。
type task struct {
	Numbers []int
}

type result struct {
	Sum, PID, PPID int
}

// child 从命令行拿到任务的名字，从标准输入读任务，把结果写到标准输出。
func child() {
	name := os.Args[1]
	var t task
	if err := json.NewDecoder(os.Stdin).Decode(&t); err != nil {
		panic(err)
	}
	r := result{PID: os.Getpid(), PPID: os.Getppid()}
	for _, n := range t.Numbers {
		r.Sum += n
	}
	fmt.Fprintf(os.Stderr, "子进程 %d 收到任务 %q：%v\n", r.PID, name, t.Numbers)
	if err := json.NewEncoder(os.Stdout).Encode(r); err != nil {
		panic(err)
	}
}

func main() {
	if os.Getenv("PROC_ROLE") == "child" {
		child()
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	in, err := json.Marshal(task{Numbers: []int{1, 2, 3, 4, 5}})
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe, "求和")                    // 参数一：命令行参数，只能是字符串
	cmd.Env = append(os.Environ(), "PROC_ROLE=child") // 参数二：环境变量，也只能是字符串
	cmd.Stdin = bytes.NewReader(in)                   // 参数三：标准输入，任意字节
	cmd.Stderr = os.Stderr
	fmt.Printf("父进程 %d 启动子进程\n", os.Getpid())
	out, err := cmd.Output() // Start + Wait，并收下子进程的全部标准输出
	if err != nil {
		panic(err)
	}
	var r result
	if err := json.Unmarshal(out, &r); err != nil {
		panic(err)
	}
	fmt.Printf("子进程 %d（它的父进程是 %d）交回的结果：%d\n", r.PID, r.PPID, r.Sum)
	fmt.Printf("cmd.Process.Pid = %d\n", cmd.Process.Pid)
}
