package main

import (
	"fmt"
	"sync/atomic"
)

var (
	msg  string
	done atomic.Bool // 原子的 bool：Store 同步于看到它的 Load 之前
)

func main() {
	go func() {
		msg = "hello"
		done.Store(true)
	}()
	for !done.Load() { // 仍然是忙等，浪费一个核；这里只为说明内存模型
	}
	fmt.Println(msg)
}
