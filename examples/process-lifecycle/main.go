package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync/atomic"
	"time"
)

// state 返回 /proc/<pid>/status 中 State: 一行的内容，如 "S (sleeping)"；
// 进程已被回收时，/proc/<pid> 不存在，返回 ""。
func state(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if errors.Is(err, fs.ErrNotExist) {
		return ""
	}
	if err != nil {
		panic(err)
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "State:"); ok {
			return strings.TrimSpace(v)
		}
	}
	panic("没有 State: 一行")
}

// await 每毫秒查看一次子进程的状态，直到它的状态以 want 开头（最多等 5 秒）。
func await(pid int, want string) string {
	var s string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if s = state(pid); strings.HasPrefix(s, want) {
			return s
		}
	}
	return fmt.Sprintf("没有等到 %s，最后看到的是 %q", want, s)
}

// init 把 main goroutine 固定在主线程上。/proc/<pid>/status 报告的是主线程的状态，
// 而 Go 的调度器可以把 main goroutine 放到任何一个线程上运行：不固定的话，子进程
// 忙着计算时，主线程可能正闲着睡觉，父进程看到的就是 S 而不是 R。
// init 在 main goroutine 里、在主线程上运行，所以在这里调用 LockOSThread 正好。
func init() {
	runtime.LockOSThread()
}

// child 先忙着计算，读到一行输入后停下来，然后等输入结束（父进程关闭管道）再退出。
func child() {
	in := bufio.NewReader(os.Stdin)
	var stop atomic.Bool
	go func() {
		in.ReadString('\n')
		stop.Store(true)
	}()
	for x := 0; !stop.Load(); x++ { // 忙循环：一直占用 CPU
	}
	io.Copy(io.Discard, in)
}

func main() {
	if os.Getenv("ROLE") == "child" {
		child()
		return
	}

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	pid := cmd.Process.Pid
	fmt.Printf("父进程 %d 启动了子进程 %d\n", os.Getpid(), pid)

	fmt.Printf("子进程正在计算：%s\n", await(pid, "R"))
	fmt.Fprintln(in, "stop") // 让子进程停止计算，去等待输入
	fmt.Printf("子进程在等待输入：%s\n", await(pid, "S"))
	in.Close() // 输入结束，子进程随之退出
	fmt.Printf("子进程退出了，父进程还没有 Wait：%s\n", await(pid, "Z"))

	if err := cmd.Wait(); err != nil { // 读取退出状态，回收子进程
		panic(err)
	}
	if s := state(pid); s != "" {
		fmt.Printf("Wait 之后子进程居然还在：%s\n", s)
	} else {
		fmt.Printf("父进程 Wait 之后：/proc/%d 不存在了\n", pid)
	}
	fmt.Printf("子进程的退出状态：%v\n", cmd.ProcessState)
}
