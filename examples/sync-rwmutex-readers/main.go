package main

import (
	"fmt"
	"sync"
)

func main() {
	const readers = 4
	var mu sync.RWMutex
	var inside sync.WaitGroup // 读者们在锁里碰头用
	inside.Add(readers)

	var wg sync.WaitGroup
	for range readers {
		wg.Go(func() {
			mu.RLock()
			defer mu.RUnlock()
			inside.Done()
			inside.Wait() // 等所有读者都进来：只有大家同时持有读锁，才能都走到这一步
		})
	}
	wg.Wait()
	fmt.Println(readers, "个读者同时持有了读锁")

	mu.Lock() // 读者都走了，写者才能进来
	fmt.Println("写者拿到了锁")
	mu.Unlock()
}
