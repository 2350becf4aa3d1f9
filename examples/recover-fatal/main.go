package main

import (
	"fmt"
	"sync"
)

// safely 调用 f；f 如果 panic，就用 recover 接住它，打印一行后正常返回。
func safely(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s：recover 接住了 panic：%v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s：正常结束\n", name)
}

func main() {
	safely("写 nil map", func() {
		var counts map[string]int
		counts["requests"]++
	})
	safely("解锁没有加锁的 Mutex", func() {
		var mu sync.Mutex
		mu.Unlock()
	})
	fmt.Println("main：到不了这里")
}
