package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(10 * time.Millisecond)
	time.Sleep(200 * time.Millisecond) // 计时器早就到期了，但没有人接收 t.C

	t.Reset(time.Hour) // 重新设成一小时以后

	select {
	case <-t.C:
		fmt.Println("Reset 之后立即收到了一个值：上一次到期留下的旧值")
	case <-time.After(100 * time.Millisecond):
		fmt.Println("Reset 之后 100ms 内什么也没收到：正确")
	}
}
