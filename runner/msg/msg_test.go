package msg

import (
	"regexp"
	"slices"
	"testing"
)

var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestCatalogues checks that every language has the same keys, each with
// the same formatting verbs in the same order.
func TestCatalogues(t *testing.T) {
	for k, z := range zh {
		e, ok := en[k]
		if !ok {
			t.Errorf("%s: in zh, not in en", k)
			continue
		}
		if zv, ev := verbs.FindAllString(z, -1), verbs.FindAllString(e, -1); !slices.Equal(zv, ev) {
			t.Errorf("%s: verbs %q in zh, %q in en", k, zv, ev)
		}
	}
	for k := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("%s: in en, not in zh", k)
		}
	}
	for _, k := range rules {
		if _, ok := en[k]; !ok {
			t.Errorf("rule %s has no message", k)
		}
	}
}

func TestParse(t *testing.T) {
	for tag, want := range map[string]Lang{"": Zh, "zh-CN": Zh, "zh": Zh, "en": En, "en-GB": En, "EN_us": En, "fr": Zh, "eng": Zh} {
		if got := Parse(tag); got != want {
			t.Errorf("Parse(%q) = %s, want %s", tag, got, want)
		}
	}
}

func TestReport(t *testing.T) {
	cases := []struct{ in, zh string }{
		{"output differs:\nexpected line 3: 你好，世界\nactual line 3:   你好,世界\nexpected \"，\", found \",\"",
			"输出与期望不同：\n期望第 3 行：你好，世界\n实际第 3 行：你好,世界\n期望 \"，\"，实际是 \",\""},
		{"already built", "已经编译好，直接运行"},
		{"the interpreter is still being built", "解释器还在构建中，先编译运行"},
		{"the interpreter could not be built", "解释器构建失败，编译运行"},
		{"yaegi: passed the static check", "yaegi: 通过了静态检查，可以用解释器运行"},
		{"yaegi could not run it: undefined: x", "yaegi 运行不了它：undefined: x"},
		{"yaegi could not run it: timed out after 5s", "yaegi 运行不了它：运行超时：超过了 5s"},
		{"timed out after 10s", "运行超时：超过了 10s"},
		{"exceeded the 1 GiB memory limit", "内存超过 1 GiB 上限"},
		{"lessons/a.md:11: block b: exceeded the limit of 512 processes and threads", "lessons/a.md:11: 代码块 b：进程和线程数超过 512 个的上限"},
		{"exceeded the CPU time limit", "CPU 时间超过上限"},
		{"exit status 2, want 0", "退出状态 2，应为 0"},
		{"main.go:3:2: undefined: x", "main.go:3:2: undefined: x"},
		{"lessons/a.md:12: block hello: output differs:\n    expected line 2: 二\n    actual line 2:   三",
			"lessons/a.md:12: 代码块 hello：输出与期望不同：\n    期望第 2 行：二\n    实际第 2 行：三"},
		{"lessons/a.md:9: block b: warning: soft line did not match (a warning, not a failure):",
			"lessons/a.md:9: 代码块 b：警告：soft 行没有匹配（只是警告，不算失败）："},
		{"compiled: package runtime acts on the process at lessons/01-basics.md:24",
			"compiled: runtime 包作用于宿主进程（lessons/01-basics.md:24）"},
		{"", ""},
	}
	for _, c := range cases {
		if got := Zh.Report(c.in); got != c.zh {
			t.Errorf("Zh.Report(%q)\n got %q\nwant %q", c.in, got, c.zh)
		}
		if got := En.Report(c.in); got != c.in {
			t.Errorf("En.Report(%q) = %q, want it unchanged", c.in, got)
		}
	}
}

func TestT(t *testing.T) {
	if got := Zh.T("result.line", 19); got != "第 19 行" {
		t.Errorf("got %q", got)
	}
	if got := En.T("no.such.key"); got != "no.such.key" {
		t.Errorf("a missing key: got %q", got)
	}
}
