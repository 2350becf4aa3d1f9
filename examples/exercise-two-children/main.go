package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// child 是子进程要做的事：报告自己和父进程的 ID；如果父进程告诉了它前一个子进程的 ID，
// 再查一查前一个子进程是否还存在。
func child() {
	fmt.Printf("I am child process (%d) and my parent is %d.\n", os.Getpid(), os.Getppid())
	prev, err := strconv.Atoi(os.Getenv("PREV_CHILD"))
	if err != nil {
		// 没有前一个子进程：这是第一个。如果父进程没等它结束就创建了下一个，
		// 它就等那个兄弟进程查完再退出，于是兄弟进程查到的一定是“还在”。
		waitForSibling()
		return
	}
	// 信号 0 并不发送：kill 只检查这个进程是否存在。结束了、但还没被父进程回收的僵尸进程也算存在。
	if err := syscall.Kill(prev, 0); err == syscall.ESRCH {
		fmt.Printf("前一个子进程 (%d) 已经结束，并且被回收了。\n", prev)
	} else {
		fmt.Printf("前一个子进程 (%d) 还在：还在运行，或者已经结束、但还没被回收。\n", prev)
	}
}

// waitForSibling 在 /proc 里找父进程的另一个子进程：1 秒内没有出现就返回；
// 出现了，就等它运行完（变成僵尸进程 Z），最多再等 5 秒。
func waitForSibling() {
	appear := time.Now().Add(time.Second)
	for deadline := appear.Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		state := siblingState()
		if state == 'Z' || state == 0 && time.Now().After(appear) {
			return
		}
	}
}

// siblingState 返回父进程另一个子进程的状态（R、S、Z……），没有这样的进程时返回 0。
func siblingState() byte {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		data, err := os.ReadFile(f)
		i := bytes.LastIndexByte(data, ')') // 进程名在括号里，可能含空格
		if err != nil || i < 0 {
			continue
		}
		var state byte
		var pid, ppid int
		fmt.Sscanf(filepath.Base(filepath.Dir(f)), "%d", &pid)
		if _, err := fmt.Sscanf(string(data[i+1:]), " %c %d", &state, &ppid); err == nil && ppid == os.Getppid() && pid != os.Getpid() {
			return state
		}
	}
	return 0
}

func main() {
	if os.Getenv("FORK_ROLE") == "child" {
		child()
		return
	}

	fmt.Printf("Process (%d) start...\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	prev := 0 // 前一个子进程的 ID；0 表示还没有
	for range 2 {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "FORK_ROLE=child")
		if prev != 0 {
			cmd.Env = append(cmd.Env, "PREV_CHILD="+strconv.Itoa(prev))
		}
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil { // Run = Start + Wait：等这个子进程结束并回收它，再创建下一个
			panic(err)
		}
		prev = cmd.Process.Pid
	}
}
