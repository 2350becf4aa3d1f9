package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	// 一个一秒后触发的计时器：它没有关联任何 goroutine，却会让死锁检测器等它。
	time.AfterFunc(time.Second, func() {
		fmt.Println("一秒后：计时器触发，它的函数返回了")
	})
	fmt.Println("main：等一个永远不会来的值")
	<-ch
}
