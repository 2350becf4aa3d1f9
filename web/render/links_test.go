package render

import (
	"testing"

	"bingfa/runner/lesson"
)

func TestLinkTarget(t *testing.T) {
	byName := map[string]*lesson.Lesson{"05-fork": {Name: "05-fork"}}
	url := func(l *lesson.Lesson) string { return l.Name + ".html" }
	for _, c := range []struct {
		dest, want string
		ok         bool
	}{
		{"05-fork.md", "05-fork.html", true},
		{"./05-fork.md#为什么没有-fork", "05-fork.html#为什么没有-fork", true},
		{"../lessons/05-fork.md", "05-fork.html", true},
		{"06-process.md", "", false},
		{"https://go.dev/05-fork.md", "", false},
		{"/05-fork.md", "", false},
		{"#小结", "", false},
		{"05-fork.txt", "", false},
	} {
		got, ok := linkTarget(c.dest, byName, url)
		if got != c.want || ok != c.ok {
			t.Errorf("linkTarget(%q) = %q, %v; want %q, %v", c.dest, got, ok, c.want, c.ok)
		}
	}
}
