// A plausible wrong answer: every producer closes results when it is done
// sending. There are three producers and one channel, and a channel can
// be closed only once: the second close panics ("close of closed
// channel"), if a send on the closed channel has not panicked before it.
// Either way the program dies before it prints the total.
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
			defer close(results) // wrong: three producers, three closes
			for i := w*10 + 1; i <= w*10+10; i++ {
				results <- i * i
			}
		})
	}

	total, count := 0, 0
	for v := range results {
		total += v
		count++
	}
	fmt.Println("收到", count, "个数，和为", total)
}
