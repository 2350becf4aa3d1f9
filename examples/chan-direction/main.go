package main

import "fmt"

// produce 只能往 out 里发送：chan<- int 是“只发送”的 channel。
func produce(out chan<- int) {
	for i := 1; i <= 3; i++ {
		out <- i
	}
	close(out) // 关闭是发送方的事，只发送的 channel 可以关闭
}

// consume 只能从 in 里接收：<-chan int 是“只接收”的 channel。
func consume(in <-chan int) int {
	sum := 0
	for v := range in {
		sum += v
	}
	return sum
}

func main() {
	ch := make(chan int) // 双向的 channel 可以隐式转换成任何一个方向
	go produce(ch)
	fmt.Println("和：", consume(ch))
}
