package render

import (
	"slices"
	"testing"
)

func TestTerms(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"进程和线程", []string{"进", "程", "进程", "和", "程和", "线", "和线", "线程"}},
		{"Go 的 GOMAXPROCS=2", []string{"go", "的", "gomaxprocs", "2"}},
		{"线程，线程", []string{"线", "程", "线程"}},
		{"", nil},
	} {
		if got := Terms(c.text); !slices.Equal(got, c.want) {
			t.Errorf("Terms(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestSearch(t *testing.T) {
	ix := NewSearchIndex([]*Page{
		{URL: "a.html", Title: "甲", Sections: []Section{{Title: "甲", Text: "进程是正在运行的程序"}, {ID: "x", Title: "线程", Text: "线程是最小的执行单元 GOMAXPROCS"}}},
		{URL: "b.html", Title: "乙", Sections: []Section{{Title: "乙", Text: "程进 不是 进程", Code: "fmt.Println(os.Getppid())"}}},
	})
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"进程", []string{"a.html", "b.html"}},
		{"执行单元", []string{"a.html#x"}},
		{"gomaxprocs", []string{"a.html#x"}},
		{"Getppid", []string{"b.html"}}, // in the code only
		{"运行 程序", []string{"a.html"}},
		{"进行", nil},
		{"！", nil},
	} {
		if got := ix.Search(c.q); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestIsExternal(t *testing.T) {
	for url, want := range map[string]bool{
		"https://go.dev/": true, "//cdn.x/y.js": true, "mailto:a@b": true, "data:text/plain,x": true,
		"assets/style.css": false, "#线程": false, "02-x.html#a:b": false, "index.html": false, "?q=a:b": false,
	} {
		if got := IsExternal(url); got != want {
			t.Errorf("IsExternal(%q) = %v, want %v", url, got, want)
		}
	}
}
