package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{0: 0, 1: 0} // 两个 key 事先放好，下面只改值，不插入
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recover 接住了：", r) // 不会执行：这不是 panic
				}
			}()
			for i := 0; ; i++ { // 各写各的 key，但写的是同一个 map，也不加锁
				m[g] = i
			}
		})
	}
	wg.Wait()
}
