package lesson

import "testing"

func TestIDs(t *testing.T) {
	s := NewIDs()
	for _, c := range []struct{ text, want string }{
		{"一个核：轮流执行", "一个核-轮流执行"},
		{"一个核：轮流执行", "一个核-轮流执行-2"},
		{"`os.fork()`：Go 没有 fork", "os-fork-go-没有-fork"},
		{"**注意**：GOMAXPROCS", "注意-gomaxprocs"},
		{"[链接](https://x.y/z) 之后", "链接-之后"},
		{"：！", "section"},
		{"", "section-2"},
	} {
		if got := string(s.Generate([]byte(c.text), 0)); got != c.want {
			t.Errorf("Generate(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	s.Put([]byte("block"))
	if got := s.Make("", "block"); got != "block-2" {
		t.Errorf("make after Put = %q, want block-2", got)
	}
}
