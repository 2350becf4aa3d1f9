package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu) // 条件变量：和一把锁绑在一起
	ready := false            // 条件本身，由 mu 保护

	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			mu.Lock()
			for !ready { // 醒来以后要重新检查条件：所以是 for，不是 if
				cond.Wait() // 解锁、睡眠，被唤醒后重新加锁再返回
			}
			mu.Unlock()
			fmt.Println("等待者", i, "看到了 ready")
		})
	}

	mu.Lock()
	ready = true
	cond.Broadcast() // 叫醒所有等待者；Signal 只叫醒一个
	mu.Unlock()

	wg.Wait()
	fmt.Println("三个等待者都走了")
}
