package main

import (
	"regexp"
	"testing"
)

// TestPriority 以为 select 会优先选写在前面的分支。第 12 课说过：不会。
func TestPriority(t *testing.T) {
	high, low := make(chan string, 1), make(chan string, 1)
	high <- "high"
	low <- "low"
	select {
	case v := <-high:
		_ = v
	case v := <-low:
		t.Errorf("两个都就绪时选中了 %s，测试以为总是 high", v)
	}
}

func main() {
	match := func(pat, str string) (bool, error) { return regexp.MatchString(pat, str) }
	testing.Main(match, []testing.InternalTest{{Name: "TestPriority", F: TestPriority}}, nil, nil)
}
