package main

import (
	"fmt"
	"sync"
	"time"
)

// spin 占用 CPU 大约 d：不睡眠，不阻塞。
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func main() {
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { spin(30 * time.Millisecond) })
	}
	wg.Wait()
	fmt.Println("20 个 goroutine 都做完了")
}
