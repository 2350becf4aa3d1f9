package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	pid := os.Getpid()
	// /proc/self/task 下的每个子目录是本进程的一个线程，目录名是线程 ID（tid）。
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		panic(err)
	}
	leader := false
	for _, t := range tasks {
		if t.Name() == strconv.Itoa(pid) {
			leader = true // 主线程的线程 ID 就等于进程 ID
		}
	}
	fmt.Printf("进程 %d 有 %d 个线程\n", pid, len(tasks))
	fmt.Printf("不止一个线程：%t\n", len(tasks) > 1)
	fmt.Printf("有一个线程的 ID 等于进程 ID：%t\n", leader)
}
