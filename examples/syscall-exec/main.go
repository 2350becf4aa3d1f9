package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	fmt.Println("我是 Go 程序，pid", os.Getpid())
	sh, err := exec.LookPath("sh")
	if err != nil {
		panic(err)
	}
	// execve：用 sh 替换当前进程的程序。pid 不变，Go 的运行时、goroutine、defer 全都不见了。
	err = syscall.Exec(sh, []string{"sh", "-c", "echo 现在是 sh，pid $$"}, os.Environ())
	fmt.Println("Exec 失败了：", err) // 只有失败时才会执行到这里
}
