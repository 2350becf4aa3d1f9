// A plausible wrong answer: the busy loop sleeps a millisecond between
// looks instead of calling runtime.Gosched. A goroutine in time.Sleep
// counts as waiting, so the first line is true; but the workers are not
// waiting for the signal, they wake up a thousand times a second to
// poll it. The goroutine profile shows them in [sleep], and the second
// line is false.
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

	var start atomic.Bool // 开始信号
	var done atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			for !start.Load() {
				time.Sleep(time.Millisecond) // wrong: polling, only slower
			}
			done.Add(1)
		})
	}

	fmt.Println("20 个 worker 都在安静地等：", quiet(before+20))
	fmt.Println("没有一个在睡觉，隔一会儿醒来看一眼：", sleeping() == 0)
	start.Store(true)
	wg.Wait()
	fmt.Println("做完的 worker：", done.Load())
}
