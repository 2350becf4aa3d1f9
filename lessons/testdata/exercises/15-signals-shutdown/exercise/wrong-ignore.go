// A plausible wrong answer: "SIGTERM must not kill us", so the program
// ignores it. It is no longer killed, but nothing tells it that someone
// asked it to stop either: it does all ten jobs and never prints the
// reason or saves its progress.
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
	signal.Ignore(syscall.SIGTERM) // wrong: the request to stop is thrown away
	ctx := context.Background()

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
