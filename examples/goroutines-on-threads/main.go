package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// threads 从 /proc/self/status 的 Threads: 一行读出本进程当前的线程数。
func threads() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "Threads:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("/proc/self/status 中没有 Threads: 一行")
}

func main() {
	const n = 10_000
	block := make(chan struct{})
	for range n {
		go func() {
			<-block // 每个 goroutine 都阻塞在这里，直到 block 被关闭
		}()
	}

	g, t := runtime.NumGoroutine(), threads()
	fmt.Printf("goroutine 数：%d\n", g)
	fmt.Printf("线程数：%d（GOMAXPROCS = %d）\n", t, runtime.GOMAXPROCS(0))
	fmt.Printf("线程数不到 goroutine 数的百分之一：%t\n", t*100 < g)
	close(block)
}
