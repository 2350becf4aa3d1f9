package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// started 数一数一共启动了几次下载。
var started atomic.Int32

// fetch 模拟下载第 i 页：第 4 页会出错；别的页要 200ms，期间会看 ctx。
func fetch(ctx context.Context, i int) (string, error) {
	started.Add(1)
	if i == 4 {
		return "", errors.New("第 4 页：404")
	}
	select {
	case <-time.After(200 * time.Millisecond):
		return fmt.Sprintf("第 %d 页的内容", i), nil
	case <-ctx.Done():
		return "", context.Cause(ctx)
	}
}

// fetchAll 同时下载所有页，最多 limit 个同时进行；任何一页出错，就取消其他的，
// 返回第一个错误。这就是 golang.org/x/sync/errgroup 加上 SetLimit 做的事。
func fetchAll(pages []int, limit int) ([]string, error) {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)

	results := make([]string, len(pages)) // 每个任务写自己的格子：结果保持原来的顺序
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i, p := range pages {
		sem <- struct{}{} // 等一个空位
		if ctx.Err() != nil {
			<-sem
			break // 已经有人出错了：不再启动新的任务
		}
		wg.Go(func() {
			defer func() { <-sem }()
			r, err := fetch(ctx, p)
			if err != nil {
				cancel(err) // 只有第一次调用算数：原因就是第一个错误
				return
			}
			results[i] = r
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	return results, nil
}

func main() {
	pages, err := fetchAll([]int{1, 2, 3}, 2)
	fmt.Println("三页：", pages, err)

	started.Store(0)
	_, err = fetchAll([]int{1, 2, 3, 4, 5, 6, 7, 8}, 2)
	fmt.Println("八页：", err)
	fmt.Println("出错之后不再启动新的下载，一共启动了", started.Load(), "次：", started.Load() <= 4)
}
