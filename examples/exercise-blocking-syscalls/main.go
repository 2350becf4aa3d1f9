package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
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
	const n = 20
	var started sync.WaitGroup
	for range n {
		started.Add(1)
		go func() {
			started.Done()
			// 直接调用 nanosleep 系统调用：线程在内核里阻塞 1 秒，Go 的调度器无法把它挪作他用，
			// 只能另找（或新建）一个线程来运行其他 goroutine。
			ts := syscall.NsecToTimespec(1e9)
			syscall.Nanosleep(&ts, nil)
		}()
	}
	started.Wait()

	t := threads()
	fmt.Printf("%d 个 goroutine 都在睡眠\n", n)
	fmt.Printf("线程数：%d\n", t)
	fmt.Printf("线程数不少于 %d：%t\n", n, t >= n)
}
