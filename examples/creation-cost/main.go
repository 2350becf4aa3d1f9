package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"
)

// best 把测量重复 3 次，取最快的一次，减少机器上其他程序的干扰。
func best(measure func() time.Duration) time.Duration {
	d := measure()
	for range 2 {
		d = min(d, measure())
	}
	return d
}

// goroutineCost 返回启动一个 goroutine 并等它结束的平均时间。
func goroutineCost() time.Duration {
	const n = 10_000
	start := time.Now()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go wg.Done()
	}
	wg.Wait()
	return time.Since(start) / n
}

// threadCount 返回本进程当前的线程数：/proc/self/task 下每个目录是一个线程。
func threadCount() int {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		panic(err)
	}
	return len(tasks)
}

// threadCost 返回创建一个操作系统线程的平均时间，以及新建的线程数。
// 每个 goroutine 用 LockOSThread 独占自己的线程并阻塞在那里，
// 运行时只好为下一个 goroutine 新建一个线程。
func threadCost() (time.Duration, int) {
	const n = 100
	before := threadCount()
	started, release := make(chan bool), make(chan bool)
	start := time.Now()
	for range n {
		go func() {
			runtime.LockOSThread() // 不解锁：goroutine 结束时，它的线程也随之退出
			started <- true
			<-release
		}()
		<-started
	}
	elapsed := time.Since(start)
	created := threadCount() - before
	close(release)
	// 等这些线程退出，下一轮测量才能从相近的起点开始。运行时会留几个空闲线程备用，
	// 线程数未必回到 before，所以等到它 20 毫秒不再变化为止。
	for last, still := threadCount(), 0; last > before && still < 20; still++ {
		time.Sleep(time.Millisecond)
		if n := threadCount(); n != last {
			last, still = n, 0
		}
	}
	return elapsed / time.Duration(max(created, 1)), created
}

// processCost 返回创建一个进程（clone + exec /bin/true）并等它结束的平均时间。
func processCost() time.Duration {
	const n = 20
	start := time.Now()
	for range n {
		if err := exec.Command("/bin/true").Run(); err != nil {
			panic(err)
		}
	}
	return time.Since(start) / n
}

func main() {
	g := best(goroutineCost)
	var created int
	t := best(func() time.Duration {
		d, c := threadCost()
		created = c
		return d
	})
	p := best(processCost)

	fmt.Printf("goroutine：每个 %v\n", g)
	fmt.Printf("线程：每个 %v（最后一轮新建了 %d 个线程）\n", t, created)
	fmt.Printf("进程：每个 %v\n", p)
	fmt.Printf("线程确实是新建的：%t\n", created >= 50)
	fmt.Printf("goroutine 比线程快：%t\n", g < t)
	fmt.Printf("线程比进程快：%t\n", t < p)
	fmt.Printf("goroutine 比进程快：%t\n", g < p)
}
