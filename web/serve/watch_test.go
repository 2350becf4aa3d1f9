package serve

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"bingfa/lessons"
)

// TestWatchReload checks that editing a lesson on disk tells open pages to
// reload, and that the page then shows the new text; a lesson with an
// error shows the error, at its line.
func TestWatchReload(t *testing.T) {
	t.Parallel() // its own server
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/lessons/live.md")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "live.md")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Config{Library: lib})
	resp, err := ts.Client().Get(ts.URL + "/api/watch")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ch := make(chan sseEvent, 10)
	go readEvents(resp.Body, ch)

	edited := strings.Replace(string(src), "# 在线运行", "# 改过的标题", 1)
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	wantReload(t, ch)
	if status, body := fetchPage(t, ts, "/lessons/live"); status != 200 || !strings.Contains(body, "改过的标题") {
		t.Errorf("after the edit: status %d, new title shown: %v", status, strings.Contains(body, "改过的标题"))
	}

	broken := edited + "\n```go\npackage main\n"
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	wantReload(t, ch)
	status, body := fetchPage(t, ts, "/lessons/live")
	if status != http.StatusInternalServerError || !strings.Contains(body, "live.md:") {
		t.Errorf("a broken lesson: status %d, body:\n%s", status, body)
	}
}

// TestEmbeddedCourse checks that every page of the embedded course is
// served in live mode, each cell with its editor.
func TestEmbeddedCourse(t *testing.T) {
	t.Parallel() // its own server
	lib := Embedded(lessons.FS)
	ts := newTestServer(t, Config{Library: lib})
	ls, err := lib.Lessons()
	if err != nil {
		t.Fatal(err)
	}
	if status, _ := fetchPage(t, ts, "/"); status != 200 {
		t.Errorf("index: status %d", status)
	}
	for _, l := range ls {
		status, body := fetchPage(t, ts, "/lessons/"+l.Name)
		if status != 200 {
			t.Errorf("%s: status %d", l.Name, status)
			continue
		}
		for _, b := range l.Blocks {
			if !strings.Contains(body, `data-block="`+l.ID(b)+`"`) {
				t.Errorf("%s: no cell for %s", l.Name, b.Name)
			}
		}
	}
	if status, _ := fetchPage(t, ts, "/lessons/README.md"); status == 200 {
		t.Errorf("an embedded course serves files")
	}
}

// wantReload waits for the next event, which must be a reload.
func wantReload(t *testing.T, ch <-chan sseEvent) {
	t.Helper()
	select {
	case ev := <-ch:
		if ev.name != "reload" {
			t.Fatalf("event %q, want reload", ev.name)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no reload 10s after the lesson was written")
	}
}

// fetchPage fetches path and returns the status and body.
func fetchPage(t *testing.T, ts *testServer, path string) (int, string) {
	t.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
