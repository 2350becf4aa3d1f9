package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/pprof"
	"time"
)

// fetch 在一个新的 goroutine 里做一件慢事，最多等到 ctx 结束。
func fetch(ctx context.Context) (int, error) {
	result := make(chan int) // 无缓冲
	go func() {
		time.Sleep(50 * time.Millisecond) // 慢事
		result <- 42                      // 超时以后，没有人再接收：永远阻塞在这里
	}()
	select {
	case v := <-result:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// settle 等 goroutine 的个数降到 want，最多等 5 秒，返回最后看到的个数。
func settle(want int) int {
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func main() {
	timeouts := 0
	for range 100 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		if _, err := fetch(ctx); err != nil { // 几乎每次都超时
			timeouts++
		}
		cancel()
	}
	time.Sleep(500 * time.Millisecond) // 慢事只要 50ms：半秒之后，它们都做完了慢事
	n := settle(timeouts + 1)
	fmt.Printf("超时的调用：%d 次\n", timeouts)
	fmt.Printf("还在的 goroutine：%d 个，除了 main，每次超时都留下了一个：%t\n", n, n == timeouts+1)

	// goroutine 剖析：按调用栈把所有 goroutine 分组计数。只打印第一组，也就是最大的一组。
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	s := bufio.NewScanner(&buf)
	for s.Scan() && s.Text() != "" {
		fmt.Println(s.Text())
	}
}
