package check

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestFileHistory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "history.json")
	h := OpenHistory(path) // no file yet: empty
	if got := h.Expect("a/b@compiled"); got != 0 {
		t.Fatalf("Expect of an empty history = %v", got)
	}
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Save with nothing recorded wrote a file (%v)", err)
	}
	h.Record("a/b@compiled", 1500*time.Millisecond)
	h.Record("a/c@yaegi", 20*time.Millisecond)
	h.m["old@compiled"] = entry{Seconds: 9, Day: today() - historyDays - 1}
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	again := OpenHistory(path)
	for key, want := range map[string]time.Duration{"a/b@compiled": 1500 * time.Millisecond, "a/c@yaegi": 20 * time.Millisecond, "old@compiled": 0, "a/b@yaegi": 0} {
		if got := again.Expect(key); got != want {
			t.Errorf("after Save and OpenHistory, Expect(%q) = %v, want %v", key, got, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the history's directory holds %d files, want only the history (no temporary file left)", len(entries))
	}
}

func TestFileHistoryBroken(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.json")
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := OpenHistory(path)
	if got := h.Expect("a/b@compiled"); got != 0 {
		t.Errorf("Expect from a broken file = %v, want 0", got)
	}
	h.Record("a/b@compiled", time.Second)
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	if got := OpenHistory(path).Expect("a/b@compiled"); got != time.Second {
		t.Errorf("a broken file was not replaced: Expect = %v", got)
	}
}
