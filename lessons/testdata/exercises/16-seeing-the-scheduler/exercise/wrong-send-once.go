// A plausible wrong answer: the workers wait on a channel, but main sends
// one value on it instead of closing it. The 20 workers do wait quietly
// (the first line is true), but one send wakes one worker: the other 19
// wait forever, wg.Wait never returns, and the runtime reports "all
// goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// waiting 返回运行时眼中“在等待”的 goroutine 个数（含运行时自己的）。
func waiting() uint64 {
	s := []metrics.Sample{{Name: "/sched/goroutines/waiting:goroutines"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// quiet 等到在等待的 goroutine 至少有 want 个，最多等 2 秒；返回是否等到了。
func quiet(want uint64) bool {
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if waiting() >= want {
			return true
		}
	}
	return false
}

// sleeping 返回此刻在 time.Sleep 里睡觉的 goroutine 个数：goroutine profile
// 写出每个 goroutine 的栈（第 14 课），状态 [sleep] 就是在睡觉。
func sleeping() int {
	var b strings.Builder
	pprof.Lookup("goroutine").WriteTo(&b, 2)
	return strings.Count(b.String(), " [sleep")
}

func main() {
	before := waiting()

	start := make(chan struct{}) // 开始信号
	var done atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			<-start
			done.Add(1)
		})
	}

	fmt.Println("20 个 worker 都在安静地等：", quiet(before+20))
	fmt.Println("没有一个在睡觉，隔一会儿醒来看一眼：", sleeping() == 0)
	start <- struct{}{} // wrong: a send wakes one receiver, a close wakes them all
	wg.Wait()
	fmt.Println("做完的 worker：", done.Load())
}
