package main

import (
	"fmt"
	"os"
	"syscall"
)

func main() {
	fmt.Printf("Go 程序（进程 %d）：马上执行 exec，换成 /bin/sh\n", os.Getpid())

	// exec 不创建进程：同一个进程丢掉自己的程序，换上 /bin/sh。成功时它不会返回。
	script := `echo "sh（进程 $$）：还是同一个进程，运行的已经是另一个程序"`
	err := syscall.Exec("/bin/sh", []string{"sh", "-c", script}, os.Environ())
	fmt.Printf("exec 失败了：%v\n", err) // 只有 exec 失败时才会执行到这里
	os.Exit(1)
}
