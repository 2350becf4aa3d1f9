package compiled

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"bingfa/internal/selfbuild"
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
		id, _ := selfbuild.StatID(en.bin)
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

// TestLookupStoreUnderWay: a lookup that comes while another process
// stores the entry (its record written, its binary not yet renamed into
// place) misses and leaves the record, so that the store completes the
// entry instead of leaving a binary without a record, built again by the
// next check.
func TestLookupStoreUnderWay(t *testing.T) {
	t.Parallel()
	c := storedCache(t, "k", 1<<10)
	aside := filepath.Join(t.TempDir(), "aside")
	if err := os.Rename(c.bin("k"), aside); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.lookup("k"); ok {
		t.Fatal("found an entry whose binary is not in place")
	}
	if _, err := os.Stat(c.sum("k")); err != nil {
		t.Fatalf("the lookup removed the record of a store under way: %v", err)
	}
	if err := os.Rename(aside, c.bin("k")); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.lookup("k"); !ok {
		t.Error("the entry is not found once its binary is in place")
	}
}

// TestLookupRecordedIdentity: a binary is hashed when it is stored, and
// a lookup from another process (a cache of the same directory) trusts
// the identity recorded then instead of hashing it again; once the file
// changed (here its times were set, as trim's marking does), the next
// process hashes it once and records its new identity.
func TestLookupRecordedIdentity(t *testing.T) {
	t.Parallel()
	c := storedCache(t, "k", 1<<10)
	lookups := func(what string, wantHashed int) {
		t.Helper()
		fresh := &cache{dir: c.dir}
		for i := range 3 {
			if _, ok := fresh.lookup("k"); !ok {
				t.Fatalf("%s, lookup %d: not found", what, i+1)
			}
		}
		if fresh.hashed != wantHashed {
			t.Errorf("%s: a new process hashed the binary %d times in 3 lookups, want %d", what, fresh.hashed, wantHashed)
		}
	}
	lookups("as stored", 0)
	old := time.Now().Add(-time.Minute) // less than selfbuild.TouchAfter: lookups do not touch it again
	if err := os.Chtimes(c.bin("k"), old, old); err != nil {
		t.Fatal(err)
	}
	lookups("after a change of its times", 1)
	lookups("once checked again", 0)
}

// TestLookupRewrittenSameSize: a binary rewritten with other bytes of
// the same size, its times set back to what they were, is refused and
// removed, by the process that stored it and by another: the write
// changed its ctime, which no program can set back.
func TestLookupRewrittenSameSize(t *testing.T) {
	t.Parallel()
	for _, proc := range []string{"the same process", "another process"} {
		c := storedCache(t, "k", 1<<10)
		if _, ok := c.lookup("k"); !ok {
			t.Fatalf("%s: not found", proc)
		}
		info, err := os.Stat(c.bin("k"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(c.bin("k"), bytes.Repeat([]byte{0}, 1<<10), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(c.bin("k"), info.ModTime(), info.ModTime()); err != nil {
			t.Fatal(err)
		}
		if after, _ := os.Stat(c.bin("k")); after.Size() != info.Size() || !after.ModTime().Equal(info.ModTime()) {
			t.Fatalf("%s: the rewrite did not keep the size and mtime: %v %v, was %v %v", proc, after.Size(), after.ModTime(), info.Size(), info.ModTime())
		}
		look := c
		if proc == "another process" {
			look = &cache{dir: c.dir}
		}
		if _, ok := look.lookup("k"); ok {
			t.Errorf("%s: a binary rewritten with the same size and mtime was found intact", proc)
		}
		if _, err := os.Stat(c.bin("k")); !os.IsNotExist(err) {
			t.Errorf("%s: the rewritten binary was left in the cache: %v", proc, err)
		}
	}
}

// TestLookupTouchesOld: a lookup of a binary not used for longer than
// selfbuild.TouchAfter marks it used, so that trim keeps it.
func TestLookupTouchesOld(t *testing.T) {
	t.Parallel()
	c := storedCache(t, "k", 1<<10)
	old := time.Now().Add(-2 * selfbuild.TouchAfter)
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
		if !info.ModTime().After(old.Add(selfbuild.TouchAfter)) {
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

// BenchmarkLookupNewProcess looks up a cached binary of the size of a
// course's program once per process, as each bingfa check and each test
// binary does for each program it runs.
func BenchmarkLookupNewProcess(b *testing.B) {
	c := storedCache(b, "k", 2<<20)
	for b.Loop() {
		if _, ok := (&cache{dir: c.dir}).lookup("k"); !ok {
			b.Fatal("not found")
		}
	}
}

// TestTrim: a trim removes binaries unused for longer than selfbuild.UnusedFor and
// work directories older than an hour, and keeps the rest; the next trim
// within trimEvery, in any process, looks at nothing, and one after it
// trims again.
func TestTrim(t *testing.T) {
	t.Parallel()
	c := &cache{dir: t.TempDir()}
	old := time.Now().Add(-selfbuild.UnusedFor - time.Hour)
	file := func(name string, mtime time.Time) string {
		p := filepath.Join(c.dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return p
	}
	exists := func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	}
	oldBin, oldSum, newBin := file("bin/old", old), file("sum/old", old), file("bin/new", time.Now())
	staleWork, newWork := file("work/build-1/x", time.Now()), file("work/build-2/x", time.Now())
	twoHours := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(filepath.Dir(staleWork), twoHours, twoHours); err != nil {
		t.Fatal(err)
	}
	oldTests, newTests := file("tests/0123/bingfa", old), file("tests/4567/bingfa", time.Now())
	if err := os.Chtimes(filepath.Dir(oldTests), old, old); err != nil {
		t.Fatal(err)
	}
	c.trim()
	for p, want := range map[string]bool{oldBin: false, oldSum: false, newBin: true, staleWork: false, newWork: true,
		oldTests: false, newTests: true} {
		if exists(p) != want {
			t.Errorf("after a trim, %s exists: %v, want %v", p, !want, want)
		}
	}

	again := file("bin/again", old)
	(&cache{dir: c.dir}).trim() // another process, within trimEvery
	if !exists(again) {
		t.Errorf("a trim within %v of the last removed %s", trimEvery, again)
	}
	stamp := filepath.Join(c.dir, "trimmed")
	before := time.Now().Add(-trimEvery - time.Minute)
	if err := os.Chtimes(stamp, before, before); err != nil {
		t.Fatal(err)
	}
	(&cache{dir: c.dir}).trim()
	if exists(again) {
		t.Errorf("a trim %v after the last kept %s", trimEvery, again)
	}
}
