package main

import "fmt"

// pick 让两个 channel 都有一个值，用 select 取一个，返回取到的那个；
// 另一个 channel 里剩下的值也取走，下次再用。
func pick(a, b chan string) string {
	a <- "a"
	b <- "b"
	select { // 两个分支都能立即执行：随机选一个
	case v := <-a:
		<-b
		return v
	case v := <-b:
		<-a
		return v
	}
}

func main() {
	a, b := make(chan string, 1), make(chan string, 1)
	fmt.Println("这一次选中了", pick(a, b))

	count := map[string]int{}
	for range 1000 {
		count[pick(a, b)]++
	}
	fmt.Println("再选 1000 次，两个分支都被选中过：", count["a"] > 0 && count["b"] > 0)
}
