package serve

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bingfa/runner/lesson"
	"bingfa/web/export"
	"bingfa/web/render"
)

// TestAnswerInPage: the page of a lesson carries its exercise's reference
// answer (the file= program) in its block data, and no other block's file.
func TestAnswerInPage(t *testing.T) {
	t.Parallel() // its own server
	ts := newTestServer(t, Config{})
	resp, err := ts.Client().Get(ts.URL + "/lessons/live")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	_, data, _ := strings.Cut(string(b), `id="bingfa-blocks">`)
	data, _, _ = strings.Cut(data, "</script>")
	answer, err := os.ReadFile("testdata/lessons/answer-goal.go")
	if err != nil {
		t.Fatal(err)
	}
	var info map[string]blockInfo
	if err := json.Unmarshal([]byte(data), &info); err != nil {
		t.Fatal(err)
	}
	for key, bi := range info {
		want := ""
		if key == "live/goal" {
			want = string(answer)
		}
		if bi.Answer != want {
			t.Errorf("%s: answer %q, want %q", key, bi.Answer, want)
		}
	}
}

// TestExportedCellsShowDependencies: an exported notebook cell links to
// the earlier cells it depends on, as the live page does.
func TestExportedCellsShowDependencies(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata/lessons/cells.md"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := export.Write(dir, ls, nil, render.Config{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "cells.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{`<span class="live-depends">不依赖前面的单元</span>`, `<span class="live-depends">依赖：<a href="#define">define</a></span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the exported page has no %s", want)
		}
	}
}
