package main

import (
	"context"
	"regexp"
	"testing"
	"testing/synctest"
	"time"
)

// slowQuery 模拟一个要 10 秒的查询，ctx 结束就放弃。
func slowQuery(ctx context.Context) error {
	select {
	case <-time.After(10 * time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestTimeout 检查：5 秒的超时确实会让 10 秒的查询放弃。
func TestTimeout(t *testing.T) {
	realStart := time.Now() // 在气泡外面：真实的时钟
	synctest.Test(t, func(t *testing.T) {
		start := time.Now() // 在气泡里面：假的时钟，从 2000-01-01 零点开始
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()

		err := slowQuery(ctx)
		if err != context.DeadlineExceeded {
			t.Fatalf("err = %v，期望 DeadlineExceeded", err)
		}
		t.Logf("气泡里过去了 %v，开始于 %s", time.Since(start), start.Format(time.DateTime))
	})
	t.Logf("真实时间不到 5 秒：%t", time.Since(realStart) < 5*time.Second)
}

func main() {
	match := func(pat, str string) (bool, error) { return regexp.MatchString(pat, str) }
	testing.Main(match, []testing.InternalTest{{Name: "TestTimeout", F: TestTimeout}}, nil, nil)
}
