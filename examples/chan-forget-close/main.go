package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ch <- i
		}
		// 忘了 close(ch)
	}()

	for v := range ch {
		fmt.Println("收到", v)
	}
	fmt.Println("收完了") // 永远到不了这里
}
