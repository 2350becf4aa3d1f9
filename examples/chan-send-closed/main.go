package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int, 10)
	var wg sync.WaitGroup
	// 甲：发完自己的数，就关闭 results。错了：它不是唯一的发送方。
	wg.Go(func() {
		for i := 1; i <= 3; i++ {
			results <- i
		}
		close(results)
	})
	wg.Wait()

	// 乙（这里是 main）晚了一步，还有一个数要发。
	defer fmt.Println("乙：defer 照常执行，panic 会一路展开栈")
	results <- 100
	fmt.Println("到不了这里")
}
