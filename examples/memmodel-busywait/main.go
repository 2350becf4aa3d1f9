package main

import "fmt"

var (
	msg  string
	done bool // 普通的 bool：没有任何同步
)

func main() {
	go func() {
		msg = "hello"
		done = true
	}()
	for !done { // 忙等：一遍又一遍地看 done
	}
	fmt.Println(msg)
}
