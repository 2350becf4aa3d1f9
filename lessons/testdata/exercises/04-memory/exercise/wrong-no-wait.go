// A plausible wrong answer: the workers are goroutines, guarded by a
// mutex, but main does not wait for them and prints counter at once.
package main

import (
	"fmt"
	"os"
	"sync"
)

var (
	mu      sync.Mutex
	counter = 0
)

func work(id int) {
	mu.Lock()
	counter += 10
	mu.Unlock()
	fmt.Printf("工作者 %d（进程 %d）：counter += 10\n", id, os.Getpid())
}

func main() {
	fmt.Printf("main（进程 %d）：启动 3 个工作者\n", os.Getpid())
	for id := 1; id <= 3; id++ {
		go work(id) // wrong: nobody waits for the workers
	}
	mu.Lock()
	fmt.Printf("main（进程 %d）：counter = %d\n", os.Getpid(), counter)
	mu.Unlock()
}
