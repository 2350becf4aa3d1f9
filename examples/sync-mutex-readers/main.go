package main

import (
	"fmt"
	"sync"
)

func main() {
	const readers = 4
	var mu sync.Mutex // 换成普通的互斥锁：同一时刻只有一个人能持有它
	var inside sync.WaitGroup
	inside.Add(readers)

	var wg sync.WaitGroup
	for range readers {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			inside.Done()
			inside.Wait() // 拿到锁的人在这里等其他人，其他人在 Lock 上等它
		})
	}
	wg.Wait()
	fmt.Println(readers, "个读者同时持有了锁") // 永远到不了这里
}
