package main

import (
	"context"
	"fmt"
	"time"
)

const steps = 10 // 每个 worker 要做 10 步，每步约 20 毫秒，全部做完需要约 200 毫秒

// polite 每做一步之前都看一眼 ctx：一旦被取消，立刻停下并返回原因。
func polite(ctx context.Context) (done int, err error) {
	for done < steps {
		select {
		case <-ctx.Done():
			return done, ctx.Err()
		case <-time.After(20 * time.Millisecond): // 一步工作
			done++
		}
	}
	return done, nil
}

// stubborn 从不查看 ctx：取消对它没有任何作用。
func stubborn(ctx context.Context) (done int, err error) {
	for done < steps {
		time.Sleep(20 * time.Millisecond) // 一步工作
		done++
	}
	return done, nil
}

func main() {
	workers := []struct {
		name string
		run  func(context.Context) (int, error)
	}{{"polite", polite}, {"stubborn", stubborn}}

	for _, w := range workers {
		ctx, cancel := context.WithCancel(context.Background())
		finished := make(chan string)
		go func() {
			done, err := w.run(ctx)
			finished <- fmt.Sprintf("%s：做了 %d 步，错误：%v，在取消后停下了：%t", w.name, done, err, done < steps)
		}()

		time.Sleep(50 * time.Millisecond)
		cancel() // main 请求撤销这个 worker，但停不停由 worker 自己决定
		fmt.Println(<-finished)
	}
}
