package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

const script = `
trap 'echo "sh：收到 TERM，清理之后退出"; exit 0' TERM
echo "sh：开始干活"
while :; do sleep 0.05; done
`

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()

	cmd := exec.CommandContext(ctx, "sh", "-c", script)
	cmd.Stdout = os.Stdout
	// 默认的 Cancel 是 Process.Kill（SIGKILL），子进程没有机会收拾。换成 SIGTERM：
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 2 * time.Second // SIGTERM 之后 2 秒还不退出，就用 SIGKILL

	err := cmd.Run()
	fmt.Println("Run 返回：", err)
	fmt.Println("sh 的退出状态：", cmd.ProcessState.ExitCode())
}
