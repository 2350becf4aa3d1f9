package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// SIGINT（Ctrl-C）或 SIGTERM（kill、docker stop、systemd）到来时，ctx 结束，
	// 而不是像默认那样立即终止进程。
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	started := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond) // 一个要做 300ms 的请求
		fmt.Fprint(w, "慢请求做完了")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	url := "http://" + ln.Addr().String() + "/slow"
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)

	reply := make(chan string, 1)
	go func() { // 一个客户端发来慢请求
		resp, err := http.Get(url)
		if err != nil {
			reply <- err.Error()
			return
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		reply <- string(body)
	}()

	<-started                                  // 请求正在处理中……
	syscall.Kill(os.Getpid(), syscall.SIGTERM) // ……有人要求我们退出，就像 kill <pid>

	<-ctx.Done()
	fmt.Println("收到：", context.Cause(ctx))

	// 优雅地关闭：不再接受新连接，等正在处理的请求做完，最多等 5 秒。
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	fmt.Println("Shutdown 返回：", srv.Shutdown(shutdownCtx))
	fmt.Println("客户端收到：", <-reply)

	_, err = http.Get(url)
	fmt.Println("关闭之后的新请求被拒绝：", err != nil)
}
