package main

import (
	"fmt"
	"os"
	"os/exec"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// shared 把文件 f 的前 8 个字节以 MAP_SHARED 方式映射进本进程的地址空间，
// 当作一个 int64 返回。映射同一个文件的进程，看到的是同一块物理内存。
func shared(f *os.File) *int64 {
	mem, err := syscall.Mmap(int(f.Fd()), 0, 8, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		panic(err)
	}
	return (*int64)(unsafe.Pointer(&mem[0]))
}

func main() {
	if os.Getenv("ROLE") == "child" {
		counter := shared(os.NewFile(3, "shared")) // 父进程通过 ExtraFiles 传来的第 3 号文件描述符
		fmt.Printf("子进程 %d（父进程 %d）：共享内存里的 counter = %d\n", os.Getpid(), os.Getppid(), atomic.LoadInt64(counter))
		fmt.Printf("子进程 %d：加 1 之后 counter = %d\n", os.Getpid(), atomic.AddInt64(counter, 1))
		return
	}

	f, err := os.CreateTemp("", "counter-")
	if err != nil {
		panic(err)
	}
	os.Remove(f.Name()) // 文件名不再需要：打开的文件描述符足以让两个进程找到它
	if err := f.Truncate(8); err != nil {
		panic(err)
	}
	counter := shared(f)
	atomic.StoreInt64(counter, 101)
	fmt.Printf("main（进程 %d）：共享内存里的 counter = %d\n", os.Getpid(), atomic.LoadInt64(counter))

	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "ROLE=child")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.ExtraFiles = []*os.File{f} // 在子进程里成为第 3 号文件描述符
	if err := cmd.Run(); err != nil {
		panic(err)
	}
	fmt.Printf("main：子进程结束后，共享内存里的 counter = %d\n", atomic.LoadInt64(counter))
}
