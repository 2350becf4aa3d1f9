package main

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewCourse creates a course with bingfa new and uses it with no
// edits: check passes every block, export writes a site and notebooks,
// and serve serves it, all titled by the course's own front matter.
func TestNewCourse(t *testing.T) {
	t.Parallel() // each its own bingfa, TMPDIR and processes
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	dir := t.TempDir()
	bin := buildBingfa(t, dir)
	course := filepath.Join(dir, "course")
	const title = "我的课：并发"
	bingfa := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), cacheEnv())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bingfa %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	bingfa("new", "--title", title, course)
	// The course is Chinese (lang: zh-CN): so is check's report.
	if out := bingfa("check", course); !strings.Contains(out, "2 段通过，0 段失败\n") {
		t.Errorf("check of a new course:\n%s", out)
	}
	// The same in two shards, merged; and a JUnit report.
	var reports []string
	for k := 1; k <= 2; k++ {
		rep := filepath.Join(dir, "report-"+string(rune('0'+k))+".json")
		bingfa("check", "--shard", string(rune('0'+k))+"/2", "--json", rep, "--junit", rep+".xml", course)
		reports = append(reports, rep)
	}
	if out := bingfa(append([]string{"report", "merge"}, reports...)...); out != "2 passed, 0 failed\n" {
		t.Errorf("report merge of two shards: %q", out)
	}
	site := filepath.Join(dir, "site")
	bingfa("export", "-o", site, course)
	index := readFile(t, filepath.Join(site, "index.html"))
	blurb := "一门可以运行的 Go 课程"
	for _, want := range []string{`<html lang="zh-CN">`, "<title>" + title + "</title>", blurb} {
		if !strings.Contains(index, want) {
			t.Errorf("exported index.html has no %s", want)
		}
	}
	if page := readFile(t, filepath.Join(site, "01-goroutines.html")); !strings.Contains(page, title+"</title>") {
		t.Errorf("exported lesson page is not titled %s", title)
	}
	nb := filepath.Join(dir, "notebooks")
	bingfa("export", "--format", "ipynb", "-o", nb, course)
	if page := readFile(t, filepath.Join(nb, "01-goroutines.ipynb")); !strings.Contains(page, `"kernelspec"`) {
		t.Errorf("no notebook kernelspec:\n%s", page)
	}
	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0", "-engine", "compiled", course)
	cmd.Env = append(os.Environ(), cacheEnv())
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	url, login := serverURL(t, stderr)
	client := signIn(t, login)
	for _, path := range []string{"", "lessons/01-goroutines"} {
		resp, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), title) {
			t.Errorf("GET /%s: %s, titled %s: %v", path, resp.Status, title, strings.Contains(string(page), title))
		}
		if path == "" && !strings.Contains(string(page), blurb) {
			t.Errorf("served index has no blurb %s", blurb)
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
