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

	"bingfa/runner/sandbox"
)

// A cache holds built binaries under dir/bin, named by key, each with
// the SHA-256 of its content recorded in dir/sum/KEY when it was stored: a binary that no longer matches its record (rewritten by a
// program that ran outside the sandbox, say) is removed and built again,
// never run.
type cache struct {
	dir string

	mu       sync.Mutex
	verified map[string]fileID // binaries checked since they last changed

	once    sync.Once
	toolID  string // go version, GOOS, GOARCH
	toolErr error
	trimmed sync.Once
}

// unusedFor is how long a binary stays in the cache without being used.
const unusedFor = 14 * 24 * time.Hour

// tool returns what identifies the Go toolchain that builds programs.
func (c *cache) tool(goCmd string) (string, error) {
	c.once.Do(func() {
		out, err := exec.Command(goCmd, "env", "GOVERSION", "GOOS", "GOARCH").Output()
		if err != nil {
			c.toolErr = fmt.Errorf("cannot run %q (is Go installed?): %v", goCmd+" env", err)
			return
		}
		c.toolID = strings.Join(strings.Fields(string(out)), " ")
	})
	return c.toolID, c.toolErr
}

// key returns the cache key of a source built with the given flags.
func (c *cache) key(tool string, flags []string, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "bingfa build 1\n%s\n%s\n", tool, strings.Join(flags, " "))
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (c *cache) bin(key string) string { return filepath.Join(c.dir, "bin", key) }

// lookup returns the cached binary for key, marking it used, if it
// matches the hash recorded when it was stored; one that does not is
// removed.
func (c *cache) lookup(key string) (string, bool) {
	c.trimmed.Do(c.trim)
	p := c.bin(key)
	if !c.intact(p, c.sum(key)) {
		os.Remove(p)
		os.Remove(c.sum(key))
		return "", false
	}
	if info, err := os.Stat(p); err == nil && time.Since(info.ModTime()) > touchAfter {
		now := time.Now()
		_ = os.Chtimes(p, now, now)
		_ = os.Chtimes(c.sum(key), now, now)
	}
	return p, true
}

// touchAfter is how old a binary's mtime grows before a lookup sets it to
// now again (trim removes binaries by it, after unusedFor). Setting it
// changes the binary's ctime, so the next lookup hashes the binary again:
// a check looks a program up several times.
const touchAfter = time.Hour

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
// in sum. A binary already checked and unchanged since is not hashed
// again.
func (c *cache) intact(p, sum string) bool {
	id, ok := statID(p)
	if !ok {
		return false
	}
	c.mu.Lock()
	seen, known := c.verified[p]
	c.mu.Unlock()
	if known && seen.ino == id.ino && seen.size == id.size && seen.ctime == id.ctime {
		return true
	}
	want, err := os.ReadFile(sum)
	if err != nil {
		return false
	}
	got, err := sandbox.FileSum(p)
	if err != nil || got != strings.TrimSpace(string(want)) {
		return false
	}
	c.mu.Lock()
	if c.verified == nil {
		c.verified = map[string]fileID{}
	}
	c.verified[p] = id
	c.mu.Unlock()
	return true
}

// store moves a freshly built binary into the cache, atomically, with
// its hash recorded first.
func (c *cache) store(key, built string) (string, error) {
	for _, d := range []string{"bin", "sum"} {
		if err := os.MkdirAll(filepath.Join(c.dir, d), 0o755); err != nil {
			return "", err
		}
	}
	sum, err := sandbox.FileSum(built)
	if err != nil {
		return "", err
	}
	tmp := c.sum(key) + ".tmp"
	if err := os.WriteFile(tmp, []byte(sum+"\n"), 0o444); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, c.sum(key)); err != nil {
		return "", err
	}
	p := c.bin(key)
	return p, os.Rename(built, p)
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
