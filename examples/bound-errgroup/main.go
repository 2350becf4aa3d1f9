package main

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// started 数一数一共启动了几次下载。
var started atomic.Int32

// fetch 与上一段程序的一样：第 4 页会出错；别的页要 200ms，期间会看 ctx。
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

// fetchAll 用 errgroup 做上一段程序里自己写的那些事。
func fetchAll(ctx context.Context, pages []int, limit int) ([]string, error) {
	g, ctx := errgroup.WithContext(ctx) // 第一个错误取消这个 ctx
	g.SetLimit(limit)                   // 最多 limit 个同时进行：g.Go 在这里等空位

	results := make([]string, len(pages)) // 每个任务写自己的格子
	for i, p := range pages {
		if ctx.Err() != nil {
			break // 已经有人出错了：不再启动新的任务
		}
		g.Go(func() error {
			// g.Go 等到空位才启动任务；等的时候，第一个错误可能已经取消了 ctx。
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := fetch(ctx, p)
			results[i] = r
			return err
		})
	}
	if err := g.Wait(); err != nil { // 等所有已启动的任务结束，返回第一个错误
		return nil, err
	}
	return results, nil
}

func main() {
	ctx := context.Background()
	pages, err := fetchAll(ctx, []int{1, 2, 3}, 2)
	fmt.Println("三页：", pages, err)

	started.Store(0)
	_, err = fetchAll(ctx, []int{1, 2, 3, 4, 5, 6, 7, 8}, 2)
	fmt.Println("八页：", err)
	fmt.Println("出错之后不再启动新的下载，一共启动了", started.Load(), "次：", started.Load() <= 4)
}
