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

func main() {
	for range 100 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		fetch(ctx) // 每次都超时
		cancel()
	}
	time.Sleep(500 * time.Millisecond) // 给那些 goroutine 足够的时间做完慢事
	fmt.Println("fetch 都返回了，还在的 goroutine：", runtime.NumGoroutine())

	// goroutine 剖析：按调用栈把所有 goroutine 分组计数。只打印第一组，也就是最大的一组。
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	s := bufio.NewScanner(&buf)
	for s.Scan() && s.Text() != "" {
		fmt.Println(s.Text())
	}
}
