// A plausible wrong answer: signal.NotifyContext, but with os.Interrupt,
// the signal Ctrl-C sends, copied from an example. SIGTERM is still not
// caught, so the program is killed by it during job 3, as before.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // wrong: SIGINT, not SIGTERM
	defer stop()

	for job := 1; job <= 10; job++ {
		if job == 3 {
			// 有人要求我们退出：kill <pid>、docker stop、systemctl stop 都是发 SIGTERM。
			syscall.Kill(os.Getpid(), syscall.SIGTERM)
		}
		time.Sleep(20 * time.Millisecond) // 做第 job 件事
		fmt.Println("做完第", job, "件")

		select {
		case <-ctx.Done():
			fmt.Println("收到：", context.Cause(ctx))
			fmt.Println("保存进度，退出")
			return
		default:
		}
	}
	fmt.Println("十件都做完了")
}
