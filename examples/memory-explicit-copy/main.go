package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
)

var counter = 0

// child 从环境变量 COUNTER 得到父进程 counter 的一份拷贝，改自己的拷贝，
// 再把结果写到标准输出，交还给父进程。
func child() {
	n, err := strconv.Atoi(os.Getenv("COUNTER"))
	if err != nil {
		panic(err)
	}
	counter = n
	fmt.Fprintf(os.Stderr, "子进程 %d（父进程 %d）：收到 counter = %d\n", os.Getpid(), os.Getppid(), counter)
	counter++
	fmt.Fprintf(os.Stderr, "子进程 %d：counter++ 之后 counter = %d\n", os.Getpid(), counter)
	fmt.Println(counter) // 标准输出只用来交还结果
}

func main() {
	if os.Getenv("ROLE") == "child" {
		child()
		return
	}

	counter = 101
	fmt.Printf("main（进程 %d）：counter = %d\n", os.Getpid(), counter)
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	// 把 counter 的当前值明确地交给子进程：这就是子进程得到的“拷贝”。
	cmd.Env = append(os.Environ(), "ROLE=child", "COUNTER="+strconv.Itoa(counter))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output() // 启动子进程，等它结束，收集它的标准输出
	if err != nil {
		panic(err)
	}
	fmt.Printf("main：子进程结束后 counter = %d\n", counter)

	result, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		panic(err)
	}
	counter = result // 父进程自己决定采用子进程交回的结果
	fmt.Printf("main：采用子进程交回的结果，counter = %d\n", counter)
}
