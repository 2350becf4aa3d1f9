package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"time"
)

// work 是池中每个子进程（worker）执行的代码：先报到，
// 然后从标准输入逐行读任务，把结果逐行写到标准输出，直到输入结束。
func work() {
	fmt.Printf("%d %d\n", os.Getpid(), os.Getppid())
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		n, err := strconv.Atoi(in.Text())
		if err != nil {
			panic(err)
		}
		time.Sleep(20 * time.Millisecond) // 假装这是一项耗时的计算
		fmt.Println(n * n)
	}
}

// worker 是父进程手里的一个子进程：往 in 写任务，从 out 读结果。
type worker struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Scanner
}

// start 启动一个 worker，并读出它报到时说的进程 ID 和父进程 ID。
func start(exe string) (w *worker, pid, ppid int) {
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "POOL_ROLE=worker")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		panic(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	w = &worker{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	if _, err := fmt.Sscan(w.line(), &pid, &ppid); err != nil {
		panic(err)
	}
	return w, pid, ppid
}

// line 读 worker 输出的下一行。
func (w *worker) line() string {
	if !w.out.Scan() {
		panic(fmt.Sprintf("worker 提前结束了：%v", w.out.Err()))
	}
	return w.out.Text()
}

func main() {
	if os.Getenv("POOL_ROLE") == "worker" {
		work()
		return
	}

	const workers, tasks = 2, 8
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	fmt.Printf("父进程 %d 创建 %d 个 worker\n", os.Getpid(), workers)
	pool := make([]*worker, workers)
	for i := range pool {
		var pid, ppid int
		pool[i], pid, ppid = start(exe)
		fmt.Printf("worker %d：进程 %d，父进程 %d\n", i+1, pid, ppid)
	}

	jobs := make(chan int)       // 待做的任务
	results := make(chan string) // 做完的结果
	var wg sync.WaitGroup
	for i, w := range pool {
		wg.Go(func() { // 每个 worker 配一个 goroutine：取任务、交给子进程、等结果
			for n := range jobs {
				fmt.Fprintln(w.in, n)
				results <- fmt.Sprintf("%d 的平方是 %s（worker %d）", n, w.line(), i+1)
			}
			w.in.Close() // 没有任务了：关闭子进程的标准输入，它就会退出
			if err := w.cmd.Wait(); err != nil {
				panic(err)
			}
		})
	}
	go func() {
		for n := 1; n <= tasks; n++ {
			jobs <- n
		}
		close(jobs)
	}()
	go func() {
		wg.Wait() // 所有 worker 都退出之后，结果也就不会再有了
		close(results)
	}()

	count := 0
	for r := range results { // 结果按完成的先后到达
		fmt.Println(r)
		count++
	}
	fmt.Printf("收齐了 %d 个结果，所有 worker 都已退出\n", count)
}
