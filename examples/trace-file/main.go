package main

import (
	"context"
	"fmt"
	"os"
	"runtime/trace"
	"sync"
	"time"
)

func main() {
	f, err := os.Create("trace.out")
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil { // 从这里开始记录
		panic(err)
	}

	// 任务（task）和区域（region）是给人看的标签：在 go tool trace 里按它们查找、统计。
	ctx, task := trace.NewTask(context.Background(), "处理订单")
	var wg sync.WaitGroup
	for _, step := range []string{"查库存", "算价格", "写日志"} {
		wg.Go(func() {
			trace.WithRegion(ctx, step, func() {
				time.Sleep(10 * time.Millisecond)
			})
		})
	}
	wg.Wait()
	trace.Log(ctx, "结果", "成功")
	task.End()

	trace.Stop() // 必须停止：缓冲里的事件这时才全部写出
	if err := f.Close(); err != nil {
		panic(err)
	}

	data, err := os.ReadFile("trace.out")
	if err != nil {
		panic(err)
	}
	fmt.Printf("文件头：%q\n", data[:16])
	fmt.Println("文件不止一个文件头：", len(data) > 1024)
}
