package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	defer w.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	// Read 不认识 context。AfterFunc 在 ctx 结束时关闭 r，正在等待的 Read 随之返回。
	stop := context.AfterFunc(ctx, func() {
		r.Close()
	})
	defer stop()

	buf := make([]byte, 16)
	_, err = r.Read(buf) // 没有人往管道里写：阻塞到 r 被关闭
	fmt.Println("Read 返回了：", err)
	fmt.Println("因为文件被关闭：", errors.Is(err, os.ErrClosed))
	fmt.Println("ctx：", ctx.Err())
}
