package check

import (
	"path/filepath"
	"testing"
	"time"
)

// TestFileHistoryShared: two processes that keep the same history file
// (a check and a test sharing a cache) each save what they recorded over
// the other's, rather than the file each read at its start: whichever
// saves last, both records are kept, and a block both ran has the last
// saved cost.
func TestFileHistoryShared(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.json")
	old := OpenHistory(path)
	old.Record("a/old@compiled", Cost{Wall: time.Second, CPU: time.Millisecond})
	if err := old.Save(); err != nil {
		t.Fatal(err)
	}
	first, second := OpenHistory(path), OpenHistory(path)
	one := Cost{Wall: 5 * time.Second, CPU: 0}
	two := Cost{Wall: 2 * time.Second, CPU: time.Second}
	both := Cost{Wall: 3 * time.Second, CPU: time.Second}
	first.Record("a/one@compiled", one)
	first.Record("a/both@compiled", Cost{Wall: time.Second, CPU: time.Second})
	second.Record("a/two@yaegi", two)
	second.Record("a/both@compiled", both)
	for _, h := range []*FileHistory{first, second} {
		if err := h.Save(); err != nil {
			t.Fatal(err)
		}
	}
	again := OpenHistory(path)
	for key, want := range map[string]Cost{"a/old@compiled": {Wall: time.Second, CPU: time.Millisecond},
		"a/one@compiled": one, "a/two@yaegi": two, "a/both@compiled": both} {
		if got := again.Expect(key); got != want {
			t.Errorf("after both saved, Expect(%q) = %v, want %v", key, got, want)
		}
	}
}
