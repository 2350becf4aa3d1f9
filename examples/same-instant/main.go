package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	// ping 和 pong 是两个 goroutine 之间的“乒乓球”。A 发球（ping 加 1），
	// 然后原地空转，直到 B 回球（pong 追上 ping）。两边都不睡眠、不阻塞，只空转等待。
	var ping, pong, stop atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // A
		defer wg.Done()
		for stop.Load() == 0 {
			n := ping.Add(1)
			for pong.Load() != n && stop.Load() == 0 {
			}
		}
	}()
	go func() { // B
		defer wg.Done()
		for stop.Load() == 0 {
			if n := ping.Load(); n != pong.Load() {
				pong.Store(n)
			}
		}
	}()
	time.Sleep(300 * time.Millisecond)
	// 机器极忙时，300 毫秒里这个进程可能几乎分不到 CPU：
	// 那就再等一等，直到至少打过一个来回（最多 10 秒）再喊停。
	for limit := time.Now().Add(10 * time.Second); pong.Load() == 0 && time.Now().Before(limit); {
		time.Sleep(time.Millisecond)
	}
	stop.Store(1)
	wg.Wait()

	// 在一个核上，球每过一次网，都要等正在空转的那个 goroutine 被运行时抢占（约 10 毫秒一次），
	// 300 毫秒里最多几十个来回。只有两个 goroutine 同时在两个核上运行，
	// 一个来回才只要几十纳秒，300 毫秒里能打上百万个来回。
	rallies := pong.Load()
	fmt.Println("GOMAXPROCS =", runtime.GOMAXPROCS(0))
	fmt.Printf("来回次数：%d\n", rallies)
	fmt.Printf("两个 goroutine 都在推进：%t\n", rallies > 0)
	fmt.Printf("两个 goroutine 曾在同一时刻运行：%t\n", rallies > 1000)
}
