package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// alive 报告进程 pid 是否还在运行：/proc/<pid>/stat 的第三个字段是状态，Z 是僵尸（已经死了、等着被回收）。
func alive(pid int) bool {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	fields := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	return fields[0] != "Z"
}

// gone 等进程 pid 消失，最多等 5 秒。
func gone(pid int) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if !alive(pid) {
			return true
		}
	}
	return false
}

func main() {
	// sh 在后台启动一个 sleep（孙进程），报告它的 pid，然后等它。
	cmd := exec.Command("sh", "-c", "sleep 60 & echo $!; wait")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // sh 自成一个进程组，组号就是它的 pid
	out, err := cmd.StdoutPipe()
	if err != nil {
		panic(err)
	}
	if err := cmd.Start(); err != nil {
		panic(err)
	}
	line, _ := bufio.NewReader(out).ReadString('\n')
	grandchild, _ := strconv.Atoi(strings.TrimSpace(line))
	fmt.Println("孙进程在运行：", alive(grandchild))

	cmd.Process.Kill() // 只杀 sh
	cmd.Wait()
	fmt.Println("只杀了 sh，孙进程还活着：", alive(grandchild))

	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) // pid 取负：杀整个进程组
	fmt.Println("杀了整个进程组，孙进程死了：", gone(grandchild))
}
