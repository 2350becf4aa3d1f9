package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"A", "B", "C"} {
		wg.Go(func() { // Go 1.25 起：相当于 wg.Add(1)，再 go func() { defer wg.Done(); ... }()
			for step := 1; step <= 3; step++ {
				fmt.Printf("%s: 第 %d 步\n", name, step)
				time.Sleep(time.Millisecond)
			}
		})
	}
	wg.Wait() // 等 A、B、C 全部结束
	fmt.Println("A、B、C 都结束了")
}
