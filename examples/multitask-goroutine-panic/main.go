package main

import (
	"fmt"
	"os"
)

// handle 处理一个请求。它有一个错误：counts 是 nil map，写入它会 panic。
func handle(id int) {
	var counts map[string]int
	counts["requests"]++
	fmt.Printf("请求 %d 处理完了\n", id)
}

func main() {
	fmt.Printf("main（进程 %d）：启动一个 goroutine 处理请求 1\n", os.Getpid())
	done := make(chan struct{})
	go func() {
		handle(1)
		close(done)
	}()
	<-done
	fmt.Println("main：继续处理别的请求") // 永远到不了这里
}
