package main

import (
	"fmt"
	"sync"
)

func main() {
	fmt.Println("thread MainThread is running...")
	var wg sync.WaitGroup
	wg.Go(func() {
		fmt.Println("thread LoopThread is running...")
		panic("LoopThread 出错了") // 没有人 recover：整个程序随之结束
	})
	wg.Wait()
	fmt.Println("thread MainThread ended.") // 永远不会执行
}
