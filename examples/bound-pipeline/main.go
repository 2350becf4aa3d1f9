package main

import (
	"context"
	"fmt"
	"sync"
)

// generate 是第一级：把数一个个发出去。
func generate(ctx context.Context, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			select {
			case out <- i:
			case <-ctx.Done(): // 下游不要了：停下，不泄漏
				return
			}
		}
	}()
	return out
}

// square 是第二级：收一个数，发出它的平方。
func square(ctx context.Context, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// merge 扇入：把几个 channel 合成一个，它们都关闭后才关闭输出。
func merge(ctx context.Context, ins ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Go(func() {
			for v := range in {
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel() // main 返回时，所有还在等的级都会退出

	nums := generate(ctx, 100)
	// 扇出：三个 square 从同一个 channel 取数，同时计算。
	sum := 0
	for v := range merge(ctx, square(ctx, nums), square(ctx, nums), square(ctx, nums)) {
		sum += v
	}
	fmt.Println("1 到 100 的平方和：", sum)
}
