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
	"syscall"
	"time"

	"bingfa/internal/selfbuild"
)

// A cache holds built binaries under dir/bin, named by key, each with
// the SHA-256 of its content recorded in dir/sum/KEY when it was stored:
// a binary that no longer matches its record (rewritten by a program that
// ran outside the sandbox, say) is removed and built again, never run.
//
// The binaries of a dispatcher (see dispatch.go) are hard links to it,
// one per block, named by the block's key; the record of each says
// "dispatch" after the hash. A binary is hashed once while it does not
// change, however many names it has.
type cache struct {
	dir string

	mu       sync.Mutex
	verified map[fileID]string // the hash of each binary checked since it last changed

	once    sync.Once
	toolID  string // go version, GOOS, GOARCH
	toolErr error
	trimmed sync.Once
}

// unusedFor is how long a binary stays in the cache without being used.
const unusedFor = 14 * 24 * time.Hour

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
// removed.
func (c *cache) lookup(key string) (entry, bool) {
	c.trimmed.Do(c.trim)
	p := c.bin(key)
	dispatched, ok := c.intact(p, c.sum(key))
	if !ok {
		os.Remove(p)
		os.Remove(c.sum(key))
		return entry{}, false
	}
	touch(p)
	touch(c.sum(key))
	return entry{bin: p, dispatched: dispatched}, true
}

// touchAfter is how long after it was last marked used a lookup marks a
// file used again (see trim).
const touchAfter = time.Hour

// touch marks a file used (see trim) unless it was within touchAfter:
// setting its times changes its ctime, which would have the next lookup
// hash the binary again (see intact).
func touch(p string) {
	now := time.Now()
	if info, err := os.Stat(p); err == nil && now.Sub(info.ModTime()) < touchAfter {
		return
	}
	_ = os.Chtimes(p, now, now)
}

// sum is the file that records the SHA-256 of key's binary.
func (c *cache) sum(key string) string { return filepath.Join(c.dir, "sum", key) }

// A fileID tells whether a file changed: any write changes its ctime,
// which, unlike its mtime, no program can set back.
type fileID struct {
	ino, size int64
	ctime     syscall.Timespec
}

func statID(p string) (fileID, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(p, &st); err != nil {
		return fileID{}, false
	}
	return fileID{ino: int64(st.Ino), size: st.Size, ctime: st.Ctim}, true
}

// intact reports whether binary p exists and matches the hash recorded
// in sum, and whether the record says it is a dispatcher's. A binary
// already checked and unchanged since is not hashed again.
func (c *cache) intact(p, sum string) (dispatched, ok bool) {
	record, err := os.ReadFile(sum)
	if err != nil {
		return false, false
	}
	want, mark, _ := strings.Cut(strings.TrimSpace(string(record)), " ")
	id, ok := statID(p)
	if !ok {
		return false, false
	}
	c.mu.Lock()
	got, known := c.verified[id]
	c.mu.Unlock()
	if !known {
		if got, err = selfbuild.FileSum(p); err != nil {
			return false, false
		}
		c.mu.Lock()
		if c.verified == nil {
			c.verified = map[fileID]string{}
		}
		c.verified[id] = got
		c.mu.Unlock()
	}
	return mark == dispatchMark, got == want
}

// dispatchMark follows the hash in the record of a dispatcher's link.
const dispatchMark = "dispatch"

// store moves a freshly built binary into the cache, atomically, with
// its hash recorded first.
func (c *cache) store(key, built string) (string, error) {
	sum, err := c.hashFor(built)
	if err != nil {
		return "", err
	}
	if err := c.record(key, sum); err != nil {
		return "", err
	}
	p := c.bin(key)
	return p, os.Rename(built, p)
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
	return paths, nil
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
	tmp := c.sum(key) + ".tmp"
	if err := os.WriteFile(tmp, []byte(line+"\n"), 0o444); err != nil {
		return err
	}
	return os.Rename(tmp, c.sum(key))
}

// workDir creates a directory for one go build, on the cache's file system
// so that binaries can be renamed into the cache.
func (c *cache) workDir() (string, error) {
	if err := os.MkdirAll(filepath.Join(c.dir, "work"), 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(filepath.Join(c.dir, "work"), "build-")
}

// trim removes binaries unused for a long time and work directories left
// by builds that were killed.
func (c *cache) trim() {
	cutoff := time.Now().Add(-unusedFor)
	for _, sub := range []string{"bin", "sum", "work"} {
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
