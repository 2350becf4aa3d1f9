package main

import (
	"context"
	"fmt"
	"time"
)

const steps = 10 // 要做 10 步，每步约 20 毫秒，全部做完需要约 200 毫秒

// worker 在每一步之前检查 ctx：被取消后不再开始新的一步。
func worker(ctx context.Context) (done int, err error) {
	for done < steps {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		time.Sleep(20 * time.Millisecond) // 一步工作
		done++
	}
	return done, nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	finished := make(chan string)
	go func() {
		done, err := worker(ctx)
		finished <- fmt.Sprintf("worker：做了 %d 步，错误：%v，在取消后停下了：%t", done, err, done < steps)
	}()

	time.Sleep(50 * time.Millisecond)
	cancel()
	fmt.Println(<-finished)
}
