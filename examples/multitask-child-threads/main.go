package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

// threads 从 /proc/<pid>/status 的 Threads: 一行读出进程的线程数；pid 可以是 "self"。
func threads(pid string) int {
	f, err := os.Open("/proc/" + pid + "/status")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "Threads:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("没有 Threads: 一行")
}

// run 启动一个子进程并等它结束，子进程的输出直接写到父进程的标准输出。
func run(cmd *exec.Cmd) {
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		panic(err)
	}
}

func main() {
	if os.Getenv("ROLE") == "child" {
		n := threads("self")
		fmt.Printf("Go 子进程 %d（父进程 %d，GOMAXPROCS=%d）：%d 个线程，不止一个：%t\n",
			os.Getpid(), os.Getppid(), runtime.GOMAXPROCS(0), n, n > 1)
		return
	}

	fmt.Printf("父进程 %d：%d 个线程\n", os.Getpid(), threads("self"))
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}

	// 同一个 Go 程序，以子进程的身份再运行一次；第二次把 GOMAXPROCS 设为 1。
	for _, env := range [][]string{{"ROLE=child"}, {"ROLE=child", "GOMAXPROCS=1"}} {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), env...)
		run(cmd)
	}

	// 一个不是 Go 写的程序：/bin/sh 自己读 /proc/$$/status，报告自己的线程数。
	script := `while read -r key value; do
	if [ "$key" = Threads: ]; then echo "sh 子进程 $$（父进程 $PPID）：$value 个线程"; fi
done < /proc/$$/status`
	run(exec.Command("/bin/sh", "-c", script))
}
