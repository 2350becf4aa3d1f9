package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bingfa/runner/term"
)

// ptyLesson is read in a terminal 40 columns wide: its prose is longer
// than a line; its program prints a terminal escape, which must reach the
// terminal escaped.
const ptyLesson = "# 终端阅读\n\n" +
	"并发是一种程序结构：多个任务在重叠的时间段里推进。并行是一种运行状态：多个任务在同一时刻真正同时执行，调用 os.Getppid() 可以得到父进程的编号，详见 https://go.dev/doc/effective_go 一文。\n\n" +
	"| 术语 | 含义 |\n|---|---|\n| 并发 | 程序结构 |\n| parallelism | 同时执行 |\n\n" +
	"```go name=hello\npackage main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"你好\\x1b[2J\")\n}\n```\n\n" +
	"```output\n你好{{any}}\n```\n"

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestReadInTerminal runs `bingfa read --all` in a pseudo-terminal (with
// script(1)) 40 columns wide: prose lines fit the width (display width:
// a Chinese character takes two columns), no identifier or URL is split,
// no line starts with closing punctuation, a table's bars line up, and
// nothing but the reader's own colours reaches the terminal raw. On a
// light background (COLORFGBG) those colours are the light scheme's.
func TestReadInTerminal(t *testing.T) {
	t.Parallel() // each its own bingfa, TMPDIR and processes
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script(1)")
	}
	dir := t.TempDir()
	bin := buildBingfa(t, dir)
	md := filepath.Join(dir, "pty.md")
	if err := os.WriteFile(md, []byte(ptyLesson), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(env ...string) string {
		cmd := exec.Command(script, "-qec", "stty cols 40 rows 50; "+bin+" read --all "+md, "/dev/null")
		cmd.Env = append(slicesDelete(slicesDelete(os.Environ(), "NO_COLOR"), "COLORFGBG"), "TERM=xterm-256color", cacheEnv())
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return string(out)
	}
	out := read()
	if !strings.Contains(out, "\x1b[36m") || !strings.Contains(out, "\x1b[2m") {
		t.Errorf("no ANSI cyan (the title's) or faint text (a note's) on a dark background:\n%q", out)
	}
	if light := read("COLORFGBG=0;15"); strings.Contains(light, "\x1b[36m") || strings.Contains(light, "\x1b[2m") || !strings.Contains(light, "\x1b[38;5;25m") {
		t.Errorf("on a light background, ANSI cyan or faint text, or not the title's dark blue:\n%q", light)
	}
	text := strings.ReplaceAll(sgr.ReplaceAllString(out, ""), "\r\n", "\n")
	for i, r := range text {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Fatalf("a raw control character %U at byte %d of the output:\n%q", r, i, text)
		}
	}
	if !strings.Contains(text, `\x1b[2J`) {
		t.Errorf("the program's escape is not shown escaped:\n%s", text)
	}
	prose := false
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "并发是一种程序结构") {
			prose = true
		}
		if !prose || strings.HasPrefix(line, "▌") {
			continue
		}
		if strings.HasPrefix(line, "package") {
			break // the code is not wrapped
		}
		if w := term.DisplayWidth(line); w > 40 {
			t.Errorf("a line of %d columns, wider than the terminal: %q", w, line)
		}
		if strings.HasPrefix(line, "。") || strings.HasPrefix(line, "，") {
			t.Errorf("a line starts with closing punctuation: %q", line)
		}
	}
	var bars []int // the display column of each table row's bar
	for _, line := range strings.Split(text, "\n") {
		if before, _, ok := strings.Cut(line, "│"); ok && !strings.HasPrefix(line, "│") {
			bars = append(bars, term.DisplayWidth(before))
		}
	}
	if len(bars) != 3 || bars[0] != bars[1] || bars[1] != bars[2] {
		t.Errorf("the table's bars are at columns %v, want 3 rows with one column:\n%s", bars, text)
	}
	for _, whole := range []string{"os.Getppid()", "https://go.dev/doc/effective_go"} {
		if !strings.Contains(text, whole) {
			t.Errorf("%s is split:\n%s", whole, text)
		}
	}
	if !prose {
		t.Errorf("no prose in the output:\n%s", text)
	}
}

func slicesDelete(env []string, name string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, name+"=") {
			out = append(out, e)
		}
	}
	return out
}
