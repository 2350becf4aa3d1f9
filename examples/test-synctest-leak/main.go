package main

import "fmt"

// fetch 是第 14 课那个会泄漏的写法：没人接收时，发送者永远阻塞。
func fetch(ready bool) (int, bool) {
	result := make(chan int)
	go func() {
		result <- 42
	}()
	if !ready {
		return 0, false // 提前返回：没有人接收 result
	}
	return <-result, true
}

func main() {
	n, ok := fetch(true)
	fmt.Println(n, ok)
}
