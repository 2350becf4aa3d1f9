package main

import "fmt"

// first 从两个 channel 里取一个值，以为会优先取写在前面的 high。第 12 课说过：不会。
func first(high, low <-chan string) string {
	select {
	case v := <-high:
		return v
	case v := <-low:
		return v
	}
}

func main() {
	high, low := make(chan string, 1), make(chan string, 1)
	high <- "high"
	fmt.Println(first(high, low)) // 只有 high 就绪：总是 high
}
