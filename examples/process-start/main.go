package main

import (
	"fmt"
	"os"
	"os/exec"
)

// runProc 是子进程要执行的代码。
func runProc(name string) {
	fmt.Printf("Run child process %s (%d)...\n", name, os.Getpid())
}

func main() {
	// 子进程：父进程用环境变量 PROC_ROLE=child 说明它的身份，参数放在命令行上。
	// 这个判断的作用相当于 Python 里的 if __name__ == '__main__'，只是方向相反。
	if os.Getenv("PROC_ROLE") == "child" {
		runProc(os.Args[1])
		return
	}

	fmt.Printf("Parent process %d.\n", os.Getpid())
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	p := exec.Command(exe, "test") // 创建子进程：Process(target=run_proc, args=('test',))
	p.Env = append(os.Environ(), "PROC_ROLE=child")
	p.Stdout, p.Stderr = os.Stdout, os.Stderr
	fmt.Println("Child process will start.")
	if err := p.Start(); err != nil { // 启动子进程：p.start()
		panic(err)
	}
	if err := p.Wait(); err != nil { // 等待子进程结束：p.join()
		panic(err)
	}
	fmt.Println("Child process end.")
}
