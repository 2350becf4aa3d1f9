package term

import (
	"slices"
	"testing"
)

// TestWrap wraps Chinese and mixed text: lines fit the width in display
// columns, no line starts with closing punctuation, and no identifier or
// URL is split.
func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  []string
	}{
		{"并发不是并行。", 12, []string{"并发不是并", "行。"}},
		{"一二三四五。六七", 10, []string{"一二三四", "五。六七"}},
		{"调用 os.Getppid() 得到父进程的编号", 16, []string{"调用", "os.Getppid() 得", "到父进程的编号"}},
		{"见 https://go.dev/doc/effective_go 一文", 20, []string{"见", "https://go.dev/doc/effective_go", "一文"}},
		{"goroutine 是 Go 的轻量线程", 14, []string{"goroutine 是", "Go 的轻量线程"}},
		{"他说（“很快”）。", 6, []string{"他说", "（“很", "快”）。"}},
		{"short", 40, []string{"short"}},
		{"\x1b[36mos.Getpid\x1b[0m 返回进程号", 11, []string{"\x1b[36mos.Getpid\x1b[0m", "返回进程号"}},
	} {
		got := wrap(c.in, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "并发": 4, "，": 2, "\x1b[1m粗\x1b[0m": 2, "é": 1} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
