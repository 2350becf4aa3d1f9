package main

import (
	"regexp"
	"testing"
	"testing/synctest"
)

// fetch 是第 14 课那个会泄漏的写法：没人接收时，发送者永远阻塞。
func fetch(ready bool) (int, bool) {
	result := make(chan int)
	go func() {
		result <- 42
	}()
	if !ready {
		return 0, false // 提前返回：没有人接收 result
	}
	return <-result, true
}

func TestFetchNotReady(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		if _, ok := fetch(false); ok {
			t.Fatal("期望 ok 为 false")
		}
	})
}

func main() {
	match := func(pat, str string) (bool, error) { return regexp.MatchString(pat, str) }
	testing.Main(match, []testing.InternalTest{{Name: "TestFetchNotReady", F: TestFetchNotReady}}, nil, nil)
}
