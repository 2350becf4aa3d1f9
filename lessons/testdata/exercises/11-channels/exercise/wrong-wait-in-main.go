// A plausible wrong answer: main itself waits for the producers and then
// closes results, before it starts receiving. But results is unbuffered:
// each producer blocks on its first send until someone receives, so
// wg.Wait never returns, and with every goroutine blocked the runtime
// reports "all goroutines are asleep - deadlock!".
package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)

	// 三个生产者，各自算出一段数的平方，发送给 results。
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Go(func() {
			for i := w*10 + 1; i <= w*10+10; i++ {
				results <- i * i
			}
		})
	}

	wg.Wait() // wrong: nobody receives yet, so the producers never finish
	close(results)

	total, count := 0, 0
	for v := range results {
		total += v
		count++
	}
	fmt.Println("收到", count, "个数，和为", total)
}
