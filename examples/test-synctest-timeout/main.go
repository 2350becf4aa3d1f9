package main

import (
	"context"
	"fmt"
	"time"
)

// slowQuery 模拟一个要 10 秒的查询，ctx 结束就放弃。
func slowQuery(ctx context.Context) error {
	select {
	case <-time.After(10 * time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	fmt.Println(slowQuery(ctx)) // 真实的时钟：等 0.1 秒
}
