// A plausible wrong answer: the worker stops when cancelled, but reports
// no error, so its caller cannot tell a cancelled run from a finished one.
package main

import (
	"context"
	"fmt"
	"time"
)

const steps = 10

func worker(ctx context.Context) (done int, err error) {
	for done < steps {
		select {
		case <-ctx.Done():
			return done, nil // wrong: the cancellation is swallowed
		default:
		}
		time.Sleep(20 * time.Millisecond)
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
