// A plausible wrong answer: three children, but each is waited for
// before the next starts, so they never run at the same time: the first
// waits in vain for the other two to report. It waits 1 second for them,
// not the lesson's 5: they never come, and the test needs no more.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// runProc 是子进程要执行的代码：报到，等三个子进程都报到了，再干 0.3 秒的活。
// 报到就是在父进程指定的目录里建一个以自己名字命名的文件。
func runProc(name, dir string) {
	fmt.Printf("Run child process %s (%d)...\n", name, os.Getpid())
	if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
		panic(err)
	}
	deadline := time.Now().Add(time.Second)
	for {
		arrived, err := os.ReadDir(dir)
		if err != nil {
			panic(err)
		}
		if len(arrived) == 3 {
			break
		}
		if time.Now().After(deadline) {
			fmt.Printf("子进程 %s 等了 1 秒，只有 %d 个子进程报到：它们没有同时在运行\n", name, len(arrived))
			os.Exit(1)
		}
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
}

func main() {
	if os.Getenv("PROC_ROLE") == "child" {
		runProc(os.Args[1], os.Getenv("PROC_DIR"))
		return
	}

	fmt.Printf("Parent process %d.\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "roll-call") // 子进程在这里报到
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	fmt.Println("Child process will start.")
	for _, name := range []string{"a", "b", "c"} {
		p := exec.Command(exe, name)
		p.Env = append(os.Environ(), "PROC_ROLE=child", "PROC_DIR="+dir)
		p.Stdout, p.Stderr = os.Stdout, os.Stderr
		if err := p.Run(); err != nil { // wrong: started and waited for one at a time
			panic(err)
		}
	}
	fmt.Println("Child process end.")
	fmt.Printf("用时 %.1f 秒\n", time.Since(start).Seconds())
}
