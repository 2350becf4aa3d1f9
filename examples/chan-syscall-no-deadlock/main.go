package main

import (
	"fmt"
	"syscall"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		// 直接调用 nanosleep 系统调用睡一秒：这个 goroutine 陷在内核里，
		// 运行时不知道它出来以后会不会往 ch 里发送。
		ts := syscall.NsecToTimespec(int64(time.Second))
		syscall.Nanosleep(&ts, nil)
		fmt.Println("一秒后：系统调用返回，这个 goroutine 结束了")
	}()
	fmt.Println("main：等一个永远不会来的值")
	<-ch
}
