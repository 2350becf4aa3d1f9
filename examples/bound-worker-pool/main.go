package main

import (
	"fmt"
	"sync"
)

type result struct {
	job, square, worker int
}

func main() {
	jobs := make(chan int)
	results := make(chan result)

	// 三个 worker：从同一个 jobs channel 里取活，谁闲着谁取。
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Go(func() {
			for j := range jobs {
				results <- result{job: j, square: j * j, worker: w}
			}
		})
	}
	// 所有 worker 都结束后，关闭 results，下面的 range 才会结束（第 11 课的练习）。
	go func() {
		wg.Wait()
		close(results)
	}()
	// 派活，派完关闭 jobs，worker 的 range 随之结束。
	go func() {
		for j := 1; j <= 9; j++ {
			jobs <- j
		}
		close(jobs)
	}()

	perWorker := map[int]int{}
	for r := range results {
		fmt.Printf("job %d 的结果：%d\n", r.job, r.square)
		perWorker[r.worker]++
	}
	fmt.Println("三个 worker 一共做了", perWorker[1]+perWorker[2]+perWorker[3], "件")
}
