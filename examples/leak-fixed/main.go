package main

import (
	"context"
	"fmt"
	"runtime"
	"time"
)

// fetch 与上一个程序相同，只有一处不同：发送也看 ctx。
func fetch(ctx context.Context) (int, error) {
	result := make(chan int)
	go func() {
		time.Sleep(50 * time.Millisecond)
		select {
		case result <- 42:
		case <-ctx.Done(): // 没有人要结果了：放弃发送，退出
		}
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
	for range 100 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		fetch(ctx)
		cancel()
	}
	fmt.Println("fetch 都返回了，还在的 goroutine：", settle(1))
}
