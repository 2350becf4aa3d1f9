package main

import (
	"fmt"
	"os"
	"os/exec"
	"time"
)

// runProc 是子进程要执行的代码：报到，然后干 0.3 秒的活。
func runProc(name string) {
	fmt.Printf("Run child process %s (%d)...\n", name, os.Getpid())
	time.Sleep(300 * time.Millisecond)
}

func main() {
	if os.Getenv("PROC_ROLE") == "child" {
		runProc(os.Args[1])
		return
	}

	fmt.Printf("Parent process %d.\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	start := time.Now()
	fmt.Println("Child process will start.")
	var ps []*exec.Cmd
	for _, name := range []string{"a", "b", "c"} { // 先把三个子进程都启动起来……
		p := exec.Command(exe, name)
		p.Env = append(os.Environ(), "PROC_ROLE=child")
		p.Stdout, p.Stderr = os.Stdout, os.Stderr
		if err := p.Start(); err != nil {
			panic(err)
		}
		ps = append(ps, p)
	}
	for _, p := range ps { // ……再逐个等它们结束
		if err := p.Wait(); err != nil {
			panic(err)
		}
	}
	fmt.Println("Child process end.")
	fmt.Printf("用时 %.1f 秒\n", time.Since(start).Seconds())
}
