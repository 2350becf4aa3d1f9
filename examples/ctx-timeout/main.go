package main

import (
	"context"
	"fmt"
	"time"
)

// slowQuery 模拟一次要花两秒的查询。它一边干活一边看 ctx：ctx 结束就放弃。
func slowQuery(ctx context.Context) (string, error) {
	select {
	case <-time.After(2 * time.Second):
		return "结果", nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel() // 用完就释放：即使已经超时，也要调用

	start := time.Now()
	_, err := slowQuery(ctx)
	fmt.Println("错误：", err)
	fmt.Println("是超时吗：", err == context.DeadlineExceeded)
	fmt.Println("两秒的查询提前放弃了：", time.Since(start) < 2*time.Second)

	// 子 context 的截止时间不会晚于父 context：要一小时也只有父亲剩下的那么多。
	child, cancelChild := context.WithTimeout(ctx, time.Hour)
	defer cancelChild()
	parentDeadline, _ := ctx.Deadline()
	childDeadline, _ := child.Deadline()
	fmt.Println("子 context 的截止时间就是父 context 的：", childDeadline.Equal(parentDeadline))
}
