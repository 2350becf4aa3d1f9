package main

import (
	"context"
	"errors"
	"fmt"
)

var errDiskFull = errors.New("磁盘满了")

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	go func() {
		cancel(errDiskFull) // 取消的同时说明原因
	}()
	<-ctx.Done()

	fmt.Println("ctx.Err()：", ctx.Err())              // 仍然只是 context canceled
	fmt.Println("context.Cause：", context.Cause(ctx)) // 原因在这里
	fmt.Println("是磁盘满了吗：", errors.Is(context.Cause(ctx), errDiskFull))
}
