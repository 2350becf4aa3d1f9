package compiled

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"bingfa/internal/selfbuild"
)

// A cache holds built binaries under dir/bin, named by key, each with
// the SHA-256 of its content recorded in dir/sum/KEY when it was stored:
// a binary that no longer matches its record (rewritten by a program that
// ran outside the sandbox, say) is removed and built again, never run.
//
// Beside the record, dir/sum/KEY.id keeps that hash with the binary's
// file identity (see selfbuild.FileID) when the hash was last found right: when
// the binary was stored, and whenever a lookup hashed it again. A lookup
// that finds the binary with that identity, and the same hash recorded,
// does not hash it: any write to the file or rename onto its name since
// changes the identity (its ctime, which no unprivileged program can set
// back), and then the hash decides, as when there is no identity. A
// fresh process (each bingfa check, each test binary) thus does not hash
// every binary it looks up. (The record's own format is unchanged: older
// versions of bingfa share the cache, and ignore the .id files.)
//
// The binaries of a dispatcher (see dispatch.go) are hard links to it,
// one per block, named by the block's key; the record of each says
// "dispatch" after the hash. A binary is hashed at most once per process
// while it does not change, however many names it has.
type cache struct {
	dir string

	mu       sync.Mutex
	verified map[selfbuild.FileID]string // the hash of each binary checked since it last changed
	hashed   int                         // binaries hashed by lookups (for tests)

	once    sync.Once
	toolID  string // go version, GOOS, GOARCH
	toolErr error
	trimmed sync.Once
}

// tool returns what identifies the Go toolchain that builds programs.
// It is asked for at every lookup: the engine keeps the answer, which is
// the process's (see toolID).
func (c *cache) tool(goCmd string) (string, error) {
	c.once.Do(func() { c.toolID, c.toolErr = toolID(goCmd) })
	return c.toolID, c.toolErr
}

// toolIDs remembers, for each go command and the environment that picks
// its toolchain, what identifies that toolchain: go env is asked once per
// process, not once per engine (a server makes one for each reader's
// settings, and go env costs about 50 ms of CPU).
var toolIDs sync.Map // string -> func() (string, error)

// toolID returns the go version, GOOS and GOARCH of goCmd.
func toolID(goCmd string) (string, error) {
	key := goCmd
	for _, v := range []string{"PATH", "GOROOT", "GOTOOLCHAIN", "GOENV", "GOOS", "GOARCH"} {
		key += "\x00" + os.Getenv(v)
	}
	f, _ := toolIDs.LoadOrStore(key, sync.OnceValues(func() (string, error) {
		out, err := exec.Command(goCmd, "env", "GOVERSION", "GOOS", "GOARCH").Output()
		if err != nil {
			return "", fmt.Errorf("cannot run %q (is Go installed?): %v", goCmd+" env", err)
		}
		return strings.Join(strings.Fields(string(out)), " "), nil
	}))
	return f.(func() (string, error))()
}

// key returns the cache key of a source built with the given flags.
func (c *cache) key(tool string, flags []string, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "bingfa build 1\n%s\n%s\n", tool, strings.Join(flags, " "))
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (c *cache) bin(key string) string { return filepath.Join(c.dir, "bin", key) }

// An entry is a binary in the cache.
type entry struct {
	bin        string
	dispatched bool // a dispatcher's link, named by its block's key
}

// lookup returns the cached binary for key, marking it used, if it
// matches the hash recorded when it was stored; one that does not is
// removed. An entry missing its record or its binary is left as it is:
// another process may be storing it (its record is written first).
func (c *cache) lookup(key string) (entry, bool) {
	c.trimmed.Do(c.trim)
	p := c.bin(key)
	// Marked used first: marking changes the binary's identity, which
	// intact then keeps as the one it checked.
	selfbuild.Touch(p)
	dispatched, st := c.intact(key)
	switch st {
	case corrupt:
		os.Remove(p)
		os.Remove(c.sum(key))
		os.Remove(c.seen(key))
		return entry{}, false
	case absent:
		return entry{}, false
	}
	selfbuild.Touch(c.sum(key))
	return entry{bin: p, dispatched: dispatched}, true
}

// A state is what a lookup found of a cache entry.
type state int

const (
	absent  state = iota // its record or its binary is not there, or changed while read: none yet, or a store under way
	corrupt              // its binary does not match its record
	sound
)

// sum is the file that records the SHA-256 of key's binary.
func (c *cache) sum(key string) string { return filepath.Join(c.dir, "sum", key) }

// seen is the file that holds the identity of key's binary when its hash
// was last found right, after that hash.
func (c *cache) seen(key string) string { return c.sum(key) + ".id" }

// intact reports whether key's binary exists and matches the hash
// recorded when it was stored (sound), and whether the record says it is
// a dispatcher's. A binary with the identity kept with that hash, or
// already checked in this process and unchanged since, is not hashed
// again; one that is hashed and matches has its new identity kept.
func (c *cache) intact(key string) (dispatched bool, st state) {
	record, err := os.ReadFile(c.sum(key))
	if err != nil {
		return false, absent
	}
	want, mark, _ := strings.Cut(strings.TrimSpace(string(record)), " ")
	dispatched = mark == dispatchMark
	p := c.bin(key)
	id, ok := selfbuild.StatID(p)
	if !ok {
		return false, absent
	}
	if selfbuild.Seen(c.seen(key), want, id) {
		return dispatched, sound
	}
	c.mu.Lock()
	got, seen := c.verified[id]
	c.mu.Unlock()
	if !seen {
		if got, err = selfbuild.FileSum(p); err != nil {
			return false, absent
		}
		c.mu.Lock()
		c.hashed++
		c.mu.Unlock()
		if after, ok := selfbuild.StatID(p); !ok || after != id {
			return false, absent // changed while it was hashed
		}
		c.remember(id, got)
	}
	if got != want {
		return false, corrupt
	}
	_ = selfbuild.KeepSeen(c.seen(key), want, id) // a hint for the next process
	return dispatched, sound
}

// remember notes that the binary with identity id has SHA-256 sum.
func (c *cache) remember(id selfbuild.FileID, sum string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.verified == nil {
		c.verified = map[selfbuild.FileID]string{}
	}
	c.verified[id] = sum
}

// dispatchMark follows the hash in the record of a dispatcher's link.
const dispatchMark = "dispatch"

// store moves a freshly built binary into the cache, atomically, with
// its hash recorded first, then its identity in place.
func (c *cache) store(key, built string) (string, error) {
	sum, err := c.hashFor(built)
	if err != nil {
		return "", err
	}
	if err := c.record(key, sum); err != nil {
		return "", err
	}
	p := c.bin(key)
	if err := os.Rename(built, p); err != nil {
		return "", err
	}
	c.placed([]string{key}, sum, p)
	return p, nil
}

// storeLinks puts a freshly built dispatcher into the cache under each of
// keys, as hard links to one file, each with its record (marked
// dispatchMark) written first, and returns their paths.
func (c *cache) storeLinks(keys []string, built string) ([]string, error) {
	sum, err := c.hashFor(built)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(keys))
	for i, key := range keys {
		if err := c.record(key, sum+" "+dispatchMark); err != nil {
			return nil, err
		}
		link := built + "." + key
		if err := os.Link(built, link); err != nil {
			return nil, err
		}
		paths[i] = c.bin(key)
		if err := os.Rename(link, paths[i]); err != nil {
			return nil, err
		}
	}
	if len(paths) > 0 {
		c.placed(keys, sum, paths[0]) // every link made and renamed: each changed the file's ctime
	}
	return paths, nil
}

// placed keeps, for keys, the identity of their binary p (one file,
// however many names), whose SHA-256 is sum, now that it is in place, so
// that no later lookup hashes it while it does not change.
func (c *cache) placed(keys []string, sum, p string) {
	id, ok := selfbuild.StatID(p)
	if !ok {
		return
	}
	c.remember(id, sum)
	for _, key := range keys {
		_ = selfbuild.KeepSeen(c.seen(key), sum, id) // without it, the next lookup hashes
	}
}

// hashFor makes the cache's directories and returns the SHA-256 of a
// binary about to be stored.
func (c *cache) hashFor(built string) (string, error) {
	for _, d := range []string{"bin", "sum"} {
		if err := os.MkdirAll(filepath.Join(c.dir, d), 0o755); err != nil {
			return "", err
		}
	}
	return selfbuild.FileSum(built)
}

// record writes key's record (its binary's hash, perhaps marked),
// atomically, before the binary is put in place.
func (c *cache) record(key, line string) error {
	return selfbuild.ReplaceFile(c.sum(key), line+"\n", 0o444)
}

// workDir creates a directory for one go build, on the cache's file system
// so that binaries can be renamed into the cache.
func (c *cache) workDir() (string, error) {
	if err := os.MkdirAll(filepath.Join(c.dir, "work"), 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(filepath.Join(c.dir, "work"), "build-")
}

// trimEvery is how often a cache directory is trimmed: a trim looks at
// every file of the cache (thousands: about 30 ms), and each process
// that opens the cache (every bingfa command, every engine of a test)
// paid for it. The file trimmed in the cache directory is stamped with
// the time of the last trim.
const trimEvery = time.Hour

// trim removes binaries unused for a long time, work directories left
// by builds that were killed, and the bingfa binaries the root package's
// tests keep per checkout (tests/) that were not rebuilt for as long,
// unless the cache was trimmed within trimEvery.
func (c *cache) trim() {
	stamp := filepath.Join(c.dir, "trimmed")
	if info, err := os.Stat(stamp); err == nil && time.Since(info.ModTime()) < trimEvery {
		return
	}
	if os.MkdirAll(c.dir, 0o755) == nil && os.WriteFile(stamp, nil, 0o644) == nil {
		now := time.Now()
		_ = os.Chtimes(stamp, now, now) // the file may have been there, empty
	}
	cutoff := time.Now().Add(-selfbuild.UnusedFor)
	for _, sub := range []string{"bin", "sum", "work", "tests"} {
		entries, _ := os.ReadDir(filepath.Join(c.dir, sub))
		for _, e := range entries {
			info, err := e.Info()
			old := err == nil && info.ModTime().Before(cutoff)
			stale := sub == "work" && err == nil && info.ModTime().Before(time.Now().Add(-time.Hour))
			if old || stale {
				os.RemoveAll(filepath.Join(c.dir, sub, e.Name()))
			}
		}
	}
}

// withTimeout bounds one go build invocation.
func withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, 10*time.Minute)
}
