package main

import (
	"fmt"
	"time"
)

func main() {
	const idle = 500 * time.Millisecond
	messages := make(chan string)
	go func() {
		for _, m := range []string{"一", "二", "三"} {
			messages <- m
		}
		// 发完三条就不再发了，但也没有关闭 channel：对方只能靠超时发现。
	}()

	timer := time.NewTimer(idle)
	for {
		select {
		case m := <-messages:
			fmt.Println("收到", m)
			timer.Reset(idle) // 每收到一条，就重新计时
		case <-timer.C:
			fmt.Printf("%v 内没有新消息：断开\n", idle)
			return
		}
	}
}
