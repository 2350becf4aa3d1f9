package main

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"time"
)

// work 是一段纯计算：不睡眠、不做 I/O，只占用 CPU。
func work(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x = x*31 + i
	}
	return x
}

// cpuTime 返回本进程（所有线程合计）到目前为止用掉的 CPU 时间：用户态加内核态。
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func main() {
	n := max(2, runtime.GOMAXPROCS(0)) // 和笔记一样：有几个核可用，就启动几个“线程”（至少两个）
	sums := make([]int, n)

	startWall, startCPU := time.Now(), cpuTime()
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				sums[i] += work(2_000_000)
			}
		}()
	}
	wg.Wait()
	wall, cpu := time.Since(startWall), cpuTime()-startCPU

	ratio := float64(cpu) / float64(wall)
	fmt.Println("GOMAXPROCS =", runtime.GOMAXPROCS(0))
	fmt.Printf("忙碌的 goroutine：%d 个\n", n)
	fmt.Printf("墙钟时间：%v，CPU 时间：%v\n", wall.Round(time.Millisecond), cpu.Round(time.Millisecond))
	fmt.Printf("CPU 占用率：%.0f%%\n", ratio*100)
	fmt.Printf("用到了不止一个核：%t\n", ratio > 1.3)
}
