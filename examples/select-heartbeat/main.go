package main

import (
	"fmt"
	"time"
)

// worker 做三件事，每件 150ms；干活时每 50ms 发一次心跳。做完第三件之后，
// 它卡住了：不再有结果，也不再有心跳。
func worker(heartbeat chan<- struct{}, results chan<- int) {
	ticker := time.NewTicker(50 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		done := time.After(150 * time.Millisecond) // 模拟一件要做 150ms 的事
	work:
		for {
			select {
			case <-ticker.C:
				select {
				case heartbeat <- struct{}{}: // 有人在听就发心跳
				default: // 没人在听就算了，不能因为心跳耽误干活
				}
			case <-done:
				break work
			}
		}
		results <- i
	}
	ticker.Stop()
	select {} // 卡住了：比如在等一把永远拿不到的锁
}

func main() {
	const patience = time.Second
	heartbeat, results := make(chan struct{}), make(chan int)
	go worker(heartbeat, results)

	beats := 0
	timeout := time.NewTimer(patience)
	for {
		select {
		case <-heartbeat:
			beats++
			timeout.Reset(patience)
		case r := <-results:
			fmt.Println("结果", r)
			timeout.Reset(patience)
		case <-timeout.C:
			fmt.Printf("%v 没有心跳：worker 卡住了\n", patience)
			fmt.Println("卡住之前收到过心跳：", beats > 0)
			return
		}
	}
}
