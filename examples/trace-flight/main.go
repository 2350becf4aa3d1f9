package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/trace"
	"time"
)

// handle 处理第 i 个请求；第 13 个会出错。
func handle(i int) error {
	time.Sleep(time.Millisecond)
	if i == 13 {
		return errors.New("数据库连接断了")
	}
	return nil
}

func main() {
	// 飞行记录器：一直在内存里记录 trace，只保留最近的一段（这里至少 1 秒、最多 1 MiB）。
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: time.Second, MaxBytes: 1 << 20})
	if err := fr.Start(); err != nil {
		panic(err)
	}
	defer fr.Stop()

	for i := 1; i <= 20; i++ {
		if err := handle(i); err != nil {
			// 出事的这一刻，把最近的 trace 写出来。真实的程序会写进一个文件。
			var snapshot bytes.Buffer
			if _, err := fr.WriteTo(&snapshot); err != nil {
				panic(err)
			}
			fmt.Printf("第 %d 个请求出错：%v\n", i, err)
			fmt.Printf("保存了出错之前的 trace：文件头 %q，不止一个文件头：%t\n",
				snapshot.Bytes()[:16], snapshot.Len() > 1024)
		}
	}
}
