package main

import (
	"fmt"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// states 读出运行时眼中各种状态的 goroutine 个数（含运行时自己的 goroutine）。
func states() (running, runnable, waiting uint64) {
	s := []metrics.Sample{
		{Name: "/sched/goroutines/running:goroutines"},
		{Name: "/sched/goroutines/runnable:goroutines"},
		{Name: "/sched/goroutines/waiting:goroutines"},
	}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64(), s[2].Value.Uint64()
}

func main() {
	_, _, waiting0 := states()

	var stop atomic.Bool
	release := make(chan struct{})
	for range 10 { // 十个忙着计算的
		go func() {
			for !stop.Load() {
			}
		}()
	}
	for range 10 { // 十个在等 channel 的
		go func() { <-release }()
	}

	// 等十个等待者都睡下，最多等 5 秒。
	running, runnable, waiting := states()
	for deadline := time.Now().Add(5 * time.Second); waiting-waiting0 < 10 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		running, runnable, waiting = states()
	}
	stop.Store(true)
	close(release)

	fmt.Println("正在运行：", running, "个，不超过 GOMAXPROCS：", running <= 2)
	fmt.Println("可以运行、在排队等 P：", runnable, "个，至少 8 个：", runnable >= 8)
	fmt.Println("在等待：比开始时多了", waiting-waiting0, "个")
}
