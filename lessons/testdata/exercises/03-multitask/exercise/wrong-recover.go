// A plausible wrong answer: recover the panic in the goroutine instead of
// moving the work to a child process. main survives, but the worker runs
// in main's own process, and a fatal error could not be recovered at all.
package main

import (
	"fmt"
	"os"
)

func handle(id int) {
	fmt.Printf("工作者（进程 %d，父进程 %d）：处理请求 %d\n", os.Getpid(), os.Getppid(), id)
	var counts map[string]int
	counts["requests"]++
	fmt.Printf("请求 %d 处理完了\n", id)
}

func main() {
	fmt.Printf("main（进程 %d）：把请求 1 交给一个工作者\n", os.Getpid())
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				fmt.Printf("main：工作者失败了（exit status 2）：panic: %v\n", r)
			}
		}()
		handle(1)
	}()
	<-done
	fmt.Println("main：继续处理别的请求")
}
