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
)

// A cache holds built binaries under dir/bin, named by key.
type cache struct {
	dir string

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

// lookup returns the cached binary for key, marking it used.
func (c *cache) lookup(key string) (string, bool) {
	c.trimmed.Do(c.trim)
	p := c.bin(key)
	if _, err := os.Stat(p); err != nil {
		return "", false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now)
	return p, true
}

// store moves a freshly built binary into the cache, atomically.
func (c *cache) store(key, built string) (string, error) {
	if err := os.MkdirAll(filepath.Join(c.dir, "bin"), 0o755); err != nil {
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
	for _, sub := range []string{"bin", "work"} {
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
