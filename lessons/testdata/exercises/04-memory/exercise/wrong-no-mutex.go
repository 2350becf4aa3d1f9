// A plausible wrong answer: the workers are goroutines and main waits for
// them, but nothing guards counter. On a busy machine the three += rarely
// collide and counter is 30 anyway; the race detector reports the race
// every time.
package main

import (
	"fmt"
	"os"
	"sync"
)

var counter = 0

func work(id int) {
	counter += 10 // wrong: three goroutines write counter unguarded
	fmt.Printf("工作者 %d（进程 %d）：counter += 10\n", id, os.Getpid())
}

func main() {
	fmt.Printf("main（进程 %d）：启动 3 个工作者\n", os.Getpid())
	var wg sync.WaitGroup
	for id := 1; id <= 3; id++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(id)
		}()
	}
	wg.Wait()
	fmt.Printf("main（进程 %d）：counter = %d\n", os.Getpid(), counter)
}
