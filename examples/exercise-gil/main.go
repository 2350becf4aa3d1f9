package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
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

// gil 模仿 CPython 的全局解释器锁：任何 goroutine 想执行计算，都得先拿到它。
var gil sync.Mutex

// inside 是此刻正在做计算的 goroutine 个数，most 是它到过的最大值。
var inside, most atomic.Int32

// enter 在一个 goroutine 开始一小段计算时调用，leave 在它做完时调用。
func enter() {
	n := inside.Add(1)
	for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
	}
}

func leave() { inside.Add(-1) }

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
				gil.Lock() // 每一小段计算都在锁里做，做完就释放，让别人有机会拿到
				enter()
				sums[i] += work(2_000_000)
				leave()
				gil.Unlock()
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
	fmt.Printf("同时在做计算的 goroutine 最多：%d 个\n", most.Load())
}
