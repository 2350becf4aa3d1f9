package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recover 接住了：", r) // 不会执行：这不是 panic
				}
			}()
			for i := 0; ; i++ { // 两个 goroutine 不加锁地写同一个 map，直到出事
				m[g*1000+i%1000] = i
			}
		})
	}
	wg.Wait()
}
