package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	var loads atomic.Int32
	// config 第一次被调用时读配置，以后的调用直接返回同一个结果。
	config := sync.OnceValue(func() map[string]string {
		loads.Add(1)
		time.Sleep(50 * time.Millisecond) // 读配置文件很慢
		return map[string]string{"addr": ":8080"}
	})

	var wg sync.WaitGroup
	results := make([]string, 10)
	for i := range results {
		wg.Go(func() {
			results[i] = config()["addr"] // 十个 goroutine 同时要配置
		})
	}
	wg.Wait()

	fmt.Println("十个 goroutine 拿到的地址：", results[0], "……", results[9])
	fmt.Println("配置读了几次：", loads.Load())
}
