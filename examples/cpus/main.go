package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Printf("逻辑 CPU 数：%d\n", runtime.NumCPU())
	fmt.Printf("GOMAXPROCS：%d\n", runtime.GOMAXPROCS(0)) // 参数 0 表示只查询、不修改
}
