package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"
)

// init 把 main goroutine 固定在主线程上（在 init 中调用 LockOSThread，main 就会在主线程上运行），
// 这样下面的三个任务都用不到主线程。
func init() {
	runtime.LockOSThread()
}

func main() {
	fmt.Printf("main：进程 %d，线程 %d\n", os.Getpid(), syscall.Gettid())

	var started, done sync.WaitGroup
	release := make(chan struct{})
	for _, name := range []string{"A", "B", "C"} {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			runtime.LockOSThread() // 这个 goroutine 独占一个操作系统线程，直到它结束
			fmt.Printf("任务 %s：进程 %d，线程 %d\n", name, os.Getpid(), syscall.Gettid())
			started.Done()
			<-release // 三个任务都启动之前谁也不结束，它们的线程因此同时存在
		}()
	}
	started.Wait()
	close(release)
	done.Wait()
	fmt.Println("三个任务都结束了")
}
