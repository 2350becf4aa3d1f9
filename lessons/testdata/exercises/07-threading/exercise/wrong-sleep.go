// A plausible wrong answer: sleep for about as long as LoopThread takes
// instead of waiting for it. On an idle machine the output is right; but
// a sleep orders nothing, so main's read of counted races with
// LoopThread's write, and the race detector says so every time.
package main

import (
	"fmt"
	"time"
)

// loop 数五个数，返回数到了几。
func loop(name string) int {
	fmt.Printf("thread %s is running...\n", name)
	n := 0
	for n < 5 {
		n++
		fmt.Printf("thread %s >>> %d\n", name, n)
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Printf("thread %s ended.\n", name)
	return n
}

func main() {
	fmt.Println("thread MainThread is running...")
	counted := 0 // LoopThread 数到了几
	go func() { counted = loop("LoopThread") }()
	time.Sleep(2700 * time.Millisecond) // wrong: long enough on an idle machine, but no synchronisation
	fmt.Printf("thread MainThread ended: LoopThread 数到了 %d。\n", counted)
}
