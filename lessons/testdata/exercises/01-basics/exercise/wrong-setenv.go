// A plausible wrong answer: set the environment variable from inside the
// program. The runtime reads GOMAXPROCS once, when the program starts;
// changing the environment afterwards changes nothing.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// work 是一段纯计算：不睡眠、不做 I/O，只占用 CPU。
func work(n int) int {
	x := 0
	for i := 0; i < n; i++ {
		x = x*31 + i
	}
	return x
}

// switches 数一数完成顺序中相邻两轮换了人的次数：AAABBA 是 2 次。
func switches(order string) int {
	n := 0
	for i := 1; i < len(order); i++ {
		if order[i] != order[i-1] {
			n++
		}
	}
	return n
}

func main() {
	os.Setenv("GOMAXPROCS", "1") // wrong: the runtime read the variable at startup, before main

	const rounds, chunk = 20, 3_000_000
	sums := make([]int, 3) // 保存计算结果，免得编译器把计算当成无用代码删掉

	// 基准：一个任务单独运行所需的时间。
	start := time.Now()
	for range rounds {
		sums[2] += work(chunk)
	}
	one := time.Since(start)

	// A、B 两个 goroutine 各做一份同样的任务，每完成一轮就记下自己的名字。
	var (
		mu    sync.Mutex
		order []string
		wg    sync.WaitGroup
	)
	start = time.Now()
	for i, name := range []string{"A", "B"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				sums[i] += work(chunk)
				mu.Lock()
				order = append(order, name)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	two := time.Since(start)

	fmt.Println("GOMAXPROCS =", runtime.GOMAXPROCS(0))
	fmt.Printf("完成顺序：%s\n", strings.Join(order, ""))
	fmt.Printf("A、B 交替了 %d 次\n", switches(strings.Join(order, "")))
	fmt.Printf("两个任务的耗时是一个任务的 %.1f 倍\n", float64(two)/float64(one))
}
