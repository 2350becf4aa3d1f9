// Package selfbuild builds a small command of bingfa from sources
// embedded in bingfa, offline, and keeps it in bingfa's cache under a
// hash of its inputs: the sandbox's init helper and the yaegi worker are
// built this way.
//
// A Command is a module (its files, by slash-separated path), the
// arguments of go build that build it, and what go needs besides in its
// environment. Build returns its binary, $BINGFA_CACHE/Dir/Name-key (or
// bingfa/Dir in the user's cache directory, or else in the temporary
// directory), where key hashes the Go version, the platform and the
// files. The binary's SHA-256 is recorded beside it (Name-key.sum) and
// checked before its first use in each process, with the command's own
// Check if it has one (a handshake); a binary that fails either is built
// again. One that passes has its file identity kept beside it
// (Name-key.id, see FileID), and a later process that finds the same
// identity neither hashes nor checks it again: the worker's hash and
// handshake were about 40 ms of every process that ran a block in the
// interpreter. Processes building the same command at once take turns
// on a lock file, and the later ones find it built. A use marks the
// binary used (at most hourly, see Touch); a build removes the binaries
// of the command's other versions (other keys) unused for UnusedFor.
//
// go runs offline (GOPROXY=off, from the module cache that building
// bingfa filled), with the local toolchain, in a process group of its own
// at the command's niceness. Stopped through its context, go and its
// compilers are interrupted (go then removes its temporary files), and
// killed with whatever they left behind if they do not end.
package selfbuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"bingfa/internal/spawn"
)

// Sources are this package's own files, for a command that imports it.
//
//go:embed *.go
var Sources embed.FS

// A Command is a small command of bingfa to build from embedded sources.
type Command struct {
	Dir   string                 // its folder in bingfa's cache
	Name  string                 // its binary's name, before the key
	Files map[string][]byte      // its module, by slash-separated path
	Args  []string               // go build's arguments after -o: flags, package
	Env   []string               // added to go's environment
	Nice  int                    // the build's niceness (10: a background build)
	Check func(bin string) error // refuses a binary, if not nil

	once sync.Once
	key  string // of Files, once computed
}

// Embedded adds the files of fsys but tests to files, under dir.
func Embedded(files map[string][]byte, fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files[path.Join(dir, p)] = data
		return err
	})
}

// CacheDir returns bingfa's cache directory: $BINGFA_CACHE, or bingfa/
// in the user's cache directory (the system's temporary directory where
// there is none).
func CacheDir() string {
	if d := os.Getenv("BINGFA_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		d = os.TempDir()
	}
	return filepath.Join(d, "bingfa")
}

// Path returns where c's binary is kept in the cache, built or not.
func (c *Command) Path() string {
	dir := filepath.Join(CacheDir(), c.Dir)
	c.once.Do(func() {
		h := sha256.New()
		fmt.Fprintln(h, runtime.Version(), runtime.GOOS, runtime.GOARCH)
		for _, n := range slices.Sorted(maps.Keys(c.Files)) {
			fmt.Fprintf(h, "%s %d\n", n, len(c.Files[n]))
			h.Write(c.Files[n])
		}
		c.key = hex.EncodeToString(h.Sum(nil))[:24]
	})
	return filepath.Join(dir, c.Name+"-"+c.key)
}

// Cached reports whether c's binary is in the cache (not yet checked).
func (c *Command) Cached() bool {
	_, err := os.Stat(c.Path() + ".sum")
	return err == nil
}

// Build returns c's binary, building it first if it is not in the cache,
// no longer matches its recorded hash or fails c.Check.
func (c *Command) Build(ctx context.Context) (string, error) {
	bin := c.Path()
	if c.usable(bin) == nil {
		return bin, nil
	}
	dir := filepath.Dir(bin)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	unlock, err := Lock(ctx, filepath.Join(dir, "lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if c.usable(bin) == nil { // built by another process meanwhile
		return bin, nil
	}
	if err := c.build(ctx, dir, bin); err != nil {
		return "", err
	}
	c.trim(dir, bin)
	return bin, nil
}

// build writes c's files into a new module under dir, builds c from it
// and, once checked, moves it to bin.
func (c *Command) build(ctx context.Context, dir, bin string) error {
	work, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	for name, data := range c.Files {
		p := filepath.Join(work, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	out := filepath.Join(work, c.Name)
	tmp := filepath.Join(work, "tmp") // go's own, removed with work
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return err
	}
	if err := c.run(ctx, work, tmp, out); err != nil {
		return err
	}
	if c.Check != nil {
		if err := c.Check(out); err != nil {
			return err
		}
	}
	sum, err := FileSum(out)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out+".sum", []byte(sum+"\n"), 0o444); err != nil {
		return err
	}
	if err := os.Rename(out+".sum", bin+".sum"); err != nil {
		return err
	}
	if err := os.Rename(out, bin); err != nil {
		return err
	}
	if id, ok := StatID(bin); ok { // hashed and checked above
		_ = KeepSeen(bin+".id", sum, id)
	}
	return nil
}

// run runs go build in the module work, into out.
func (c *Command) run(ctx context.Context, work, tmp, out string) error {
	cmd := exec.CommandContext(ctx, "go", append([]string{"build", "-o", out}, c.Args...)...)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local",
		"GOPROXY=off", "GOTMPDIR="+tmp)
	cmd.Env = append(cmd.Env, c.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT) }
	cmd.WaitDelay = 5 * time.Second
	var msg bytes.Buffer
	cmd.Stdout, cmd.Stderr = &msg, &msg
	if err := spawn.Start(cmd); err != nil { // dies with bingfa, even killed
		return fmt.Errorf("building the %s %s: %v", c.Dir, c.Name, err)
	}
	if c.Nice != 0 { // the compiler's processes inherit it
		_ = syscall.Setpriority(syscall.PRIO_PGRP, cmd.Process.Pid, c.Nice)
	}
	err := cmd.Wait()
	endGroup(cmd.Process.Pid) // what go left behind: its compilers, its linker
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("building the %s %s: %v\n%s", c.Dir, c.Name, err, msg.Bytes())
	}
	return nil
}

// usable returns why bin cannot be used as c's binary: missing, not the
// binary whose SHA-256 was recorded, or refused by c.Check. A binary with
// the identity kept when it last passed is not hashed or checked again.
func (c *Command) usable(bin string) error {
	want, err := os.ReadFile(bin + ".sum")
	if err != nil {
		return err
	}
	sum := strings.TrimSpace(string(want))
	Touch(bin) // first: marking changes the identity that is kept below
	id, ok := StatID(bin)
	if !ok {
		return fmt.Errorf("%s: missing", bin)
	}
	if Seen(bin+".id", sum, id) {
		return nil
	}
	got, err := FileSum(bin)
	if err != nil {
		return err
	}
	if got != sum {
		return fmt.Errorf("%s: not the binary that was built", bin)
	}
	if c.Check != nil {
		if err := c.Check(bin); err != nil {
			return err
		}
	}
	if after, ok := StatID(bin); ok && after == id { // not changed while checked
		_ = KeepSeen(bin+".id", sum, id) // a hint for the next process
	}
	return nil
}

// trim removes the binaries of c's other versions in dir that were not
// used for UnusedFor, with their .sum and .id files.
func (c *Command) trim(dir, bin string) {
	cutoff := time.Now().Add(-UnusedFor)
	old, _ := filepath.Glob(filepath.Join(dir, c.Name+"-*"))
	for _, p := range old {
		if strings.HasPrefix(p, bin) || strings.HasSuffix(p, ".sum") || strings.HasSuffix(p, ".id") {
			continue
		}
		if info, err := os.Stat(p); err == nil && info.ModTime().Before(cutoff) {
			os.Remove(p)
			os.Remove(p + ".sum")
			os.Remove(p + ".id")
		}
	}
}

// FileSum returns the SHA-256 of a file, in hex: what a binary kept in
// a cache is checked against before it runs.
func FileSum(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// endGroup kills what is left of process group pgid and waits (up to a
// few seconds) until it is gone, reaping the members that were reparented
// to this process (a child subreaper).
func endGroup(pgid int) {
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		var ws syscall.WaitStatus
		_, _ = syscall.Wait4(-pgid, &ws, syscall.WNOHANG, nil)
		if syscall.Kill(-pgid, 0) == syscall.ESRCH {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Lock takes an exclusive lock on the file p (flock, so that other
// processes take turns too), waiting for it or for ctx.
func Lock(ctx context.Context, p string) (unlock func(), err error) {
	f, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			break
		}
		if err != syscall.EWOULDBLOCK {
			f.Close()
			return nil, err
		}
		select {
		case <-ctx.Done():
			f.Close()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
