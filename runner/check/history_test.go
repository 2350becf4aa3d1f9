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
	if got := h.Expect("a/b@compiled"); got.Known() {
		t.Fatalf("Expect of an empty history = %v", got)
	}
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("Save with nothing recorded wrote a file (%v)", err)
	}
	busy := Cost{Wall: 1500 * time.Millisecond, CPU: 2800 * time.Millisecond}
	sleeper := Cost{Wall: 2 * time.Second, CPU: 0}
	h.Record("a/b@compiled", busy)
	h.Record("a/c@yaegi", sleeper)
	nine := 9.0
	h.m["old@compiled"] = entry{Wall: 9, CPU: &nine, Day: today() - historyDays - 1}
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	again := OpenHistory(path)
	for key, want := range map[string]Cost{"a/b@compiled": busy, "a/c@yaegi": sleeper, "old@compiled": {}, "a/b@yaegi": {}} {
		if got := again.Expect(key); got != want {
			t.Errorf("after Save and OpenHistory, Expect(%q) = %v, want %v", key, got, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the history's directory holds %d files, want only the history (no temporary file left)", len(entries))
	}
}

// TestFileHistoryBroken: a file that is not JSON, or of an older format
// (no processor time), is no history, and is replaced.
func TestFileHistoryBroken(t *testing.T) {
	for name, text := range map[string]string{"not JSON": "{not json", "older format": `{"a/b@compiled":{"s":1.5,"day":20000}}`} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history.json")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			h := OpenHistory(path)
			if got := h.Expect("a/b@compiled"); got.Known() {
				t.Errorf("Expect = %v, want unknown", got)
			}
			c := Cost{Wall: time.Second, CPU: time.Millisecond}
			h.Record("a/b@compiled", c)
			if err := h.Save(); err != nil {
				t.Fatal(err)
			}
			if got := OpenHistory(path).Expect("a/b@compiled"); got != c {
				t.Errorf("the file was not replaced: Expect = %v", got)
			}
		})
	}
}

func TestCostLoad(t *testing.T) {
	for _, tc := range []struct {
		c    Cost
		want float64
	}{
		{Cost{}, 1},
		{Cost{Wall: 2 * time.Second, CPU: 20 * time.Millisecond}, 0.01},
		{Cost{Wall: time.Second, CPU: 1900 * time.Millisecond}, 1.9},
	} {
		if got := tc.c.Load(); got != tc.want {
			t.Errorf("%+v.Load() = %v, want %v", tc.c, got, tc.want)
		}
	}
}

// TestFileHistoryLongest: a block's longest wall time is its longest by
// any engine, and only its own (not that of a block whose name it
// begins).
func TestFileHistoryLongest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.json")
	h := OpenHistory(path)
	h.Record("a/b@compiled", Cost{Wall: time.Second})
	h.Record("a/b@python", Cost{Wall: 3 * time.Second})
	h.Record("a/bc@compiled", Cost{Wall: 5 * time.Second})
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	for name, h := range map[string]*FileHistory{"recorded": h, "read back": OpenHistory(path)} {
		for id, want := range map[string]time.Duration{"a/b": 3 * time.Second, "a/bc": 5 * time.Second, "a": 0, "x/y": 0} {
			if got := h.Longest(id); got != want {
				t.Errorf("%s: Longest(%q) = %v, want %v", name, id, got, want)
			}
		}
	}
}
