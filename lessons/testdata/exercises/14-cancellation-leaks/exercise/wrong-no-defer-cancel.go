// A plausible wrong answer: each sender also waits for ctx.Done(), but
// first has no cancel of its own (no context.WithCancel and defer
// cancel()). The ctx it is given belongs to main and outlives every call:
// once first has returned, nothing ends it, the two slower senders wait
// in their select until main returns, and after ten calls settle still
// sees 21 goroutines, not 1.
//
// settle waits 1 second, not the lesson's 5: the leaked goroutines never
// end, and the test needs no more.
package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

var names = []string{"甲", "乙", "丙"}

// first 向三个副本发同一个请求，返回最先到的回答，最多等到 ctx 结束。
func first(ctx context.Context, delays []time.Duration) (string, error) {
	results := make(chan string)
	for i, d := range delays {
		go func() {
			time.Sleep(d) // 副本 i 要花 d 才回答
			select {
			case results <- names[i]:
			case <-ctx.Done(): // wrong: the caller's ctx is not done when first returns
			}
		}()
	}
	select {
	case r := <-results:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// settle 等 goroutine 的个数降到 want，最多等 1 秒，返回最后看到的个数。
func settle(want int) int {
	deadline := time.Now().Add(time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func main() {
	delays := []time.Duration{10 * time.Millisecond, 500 * time.Millisecond, time.Second}
	fastest := map[string]int{}
	// 10 次调用共用一个 ctx（比如一个服务的生命周期）：它比任何一次调用都活得长。
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for range 10 {
		r, err := first(ctx, delays)
		if err != nil {
			fmt.Println("出错：", err)
			return
		}
		fastest[r]++
	}
	fmt.Println("10 次调用里甲最快的次数：", fastest["甲"])
	fmt.Println("10 次调用之后，还在的 goroutine：", settle(1))
}
