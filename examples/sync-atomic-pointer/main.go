package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Config 创建之后就不再修改：要换配置，就换一个新的 *Config。
type Config struct {
	Version int
	Addr    string
}

func newConfig(v int) *Config {
	return &Config{Version: v, Addr: fmt.Sprintf("10.0.0.%d:8080", v)}
}

func main() {
	var current atomic.Pointer[Config]
	current.Store(newConfig(1))

	var wg sync.WaitGroup
	var mismatched atomic.Bool
	for range 4 { // 四个读者不停地读配置
		wg.Go(func() {
			for range 10_000 {
				c := current.Load() // 拿到的是某一个完整的版本
				if c.Addr != newConfig(c.Version).Addr {
					mismatched.Store(true)
				}
			}
		})
	}
	wg.Go(func() { // 一个写者换了四次配置
		for v := 2; v <= 5; v++ {
			current.Store(newConfig(v))
		}
	})
	wg.Wait()

	fmt.Println("最终版本：", current.Load().Version)
	fmt.Println("读者看到过拼凑出来的配置：", mismatched.Load())
}
