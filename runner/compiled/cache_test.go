package compiled

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// storedCache stores a binary of size bytes under key in a new cache and
// returns the cache.
func storedCache(t testing.TB, key string, size int) *cache {
	c := &cache{dir: t.TempDir()}
	built := filepath.Join(t.TempDir(), "built")
	if err := os.WriteFile(built, bytes.Repeat([]byte{0x7f}, size), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := c.store(key, built); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLookupVerifiedOnce: a binary that a lookup has hashed is known
// intact by the next lookups as long as it does not change (a check looks
// each program up several times); one rewritten since is refused and
// removed.
func TestLookupVerifiedOnce(t *testing.T) {
	t.Parallel()
	c := storedCache(t, "k", 1<<10)
	for i := range 3 {
		en, ok := c.lookup("k")
		if !ok {
			t.Fatalf("lookup %d: not found", i+1)
		}
		id, _ := statID(en.bin)
		if _, seen := c.verified[id]; !seen {
			t.Fatalf("lookup %d: the binary changed after it was verified (now %+v): the next lookup hashes it again", i+1, id)
		}
	}
	if err := os.WriteFile(c.bin("k"), []byte("impostor"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.lookup("k"); ok {
		t.Error("a rewritten binary was found intact")
	}
	if _, err := os.Stat(c.bin("k")); !os.IsNotExist(err) {
		t.Errorf("a rewritten binary was left in the cache: %v", err)
	}
}

// TestLookupTouchesOld: a lookup of a binary not used for longer than
// touchAfter marks it used, so that trim keeps it.
func TestLookupTouchesOld(t *testing.T) {
	t.Parallel()
	c := storedCache(t, "k", 1<<10)
	old := time.Now().Add(-2 * touchAfter)
	for _, p := range []string{c.bin("k"), c.sum("k")} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := c.lookup("k"); !ok {
		t.Fatal("not found")
	}
	for _, p := range []string{c.bin("k"), c.sum("k")} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !info.ModTime().After(old.Add(touchAfter)) {
			t.Errorf("%s: used %v, after a lookup; want now", filepath.Base(filepath.Dir(p)), info.ModTime())
		}
	}
}

// BenchmarkLookup looks up a cached binary of the size of a course's
// program, as a check does several times for each program.
func BenchmarkLookup(b *testing.B) {
	c := storedCache(b, "k", 2<<20)
	for b.Loop() {
		if _, ok := c.lookup("k"); !ok {
			b.Fatal("not found")
		}
	}
}
