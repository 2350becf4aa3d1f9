// A plausible wrong answer: select over the three replicas, but without a
// time.After case. Round 1 is right (乙 answers first), but in round 2
// first waits the full three seconds for a replica instead of giving up
// after 300ms, and prints a replica's name where 超时 is expected.
package main

import (
	"fmt"
	"time"
)

// ask 向一个副本发请求，它要花 d 才回答。结果 channel 有一个缓冲位置，
// 没有人再等的回答也能放下，发送者不会永远阻塞。
func ask(name string, d time.Duration) <-chan string {
	ch := make(chan string, 1)
	go func() {
		time.Sleep(d)
		ch <- name
	}()
	return ch
}

// first 向三个副本发同一个请求，返回最先到的回答；limit 之内谁都没回答，返回 "超时"。
func first(delays [3]time.Duration, limit time.Duration) string {
	a := ask("甲", delays[0])
	b := ask("乙", delays[1])
	c := ask("丙", delays[2])
	_ = limit // wrong: the limit is never used
	select {
	case r := <-a:
		return r + " 先回答"
	case r := <-b:
		return r + " 先回答"
	case r := <-c:
		return r + " 先回答"
	}
}

func main() {
	fmt.Println("第 1 轮：", first([3]time.Duration{time.Second, 10 * time.Millisecond, 3 * time.Second}, 500*time.Millisecond))
	fmt.Println("第 2 轮：", first([3]time.Duration{3 * time.Second, 3 * time.Second, 3 * time.Second}, 300*time.Millisecond))
}
