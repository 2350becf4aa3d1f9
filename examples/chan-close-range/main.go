package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	go func() {
		for i := 1; i <= 5; i++ {
			ch <- i * i
		}
		close(ch) // 不再发送了：告诉接收者“没有了”
	}()

	for v := range ch { // 收完已发送的值，并且 ch 关闭之后，循环结束
		fmt.Println("收到", v)
	}

	v, ok := <-ch // 关闭之后再接收：立即返回零值，ok 为 false
	fmt.Println("关闭之后：", v, ok)
}
