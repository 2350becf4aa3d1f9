package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct{ Addr string }

var (
	mu  sync.Mutex
	cfg *Config
)

// get 是“双重检查锁定”：先不加锁看一眼，没有才加锁创建。
func get() *Config {
	if cfg == nil { // 不加锁的读：和下面加锁的写之间没有先后关系
		mu.Lock()
		defer mu.Unlock()
		if cfg == nil {
			cfg = &Config{Addr: ":8080"}
		}
	}
	return cfg
}

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { get() })
	wg.Go(func() {
		time.Sleep(300 * time.Millisecond) // 晚一点来：这时 cfg 已经有了，不用加锁
		fmt.Println(get().Addr)
	})
	wg.Wait()
}
