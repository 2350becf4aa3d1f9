package selfbuild

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hello is a command of one file that prints its name.
func hello(check func(string) error) *Command {
	return &Command{Dir: "test", Name: "hello", Args: []string{"."}, Check: check, Files: map[string][]byte{
		"go.mod":  []byte("module hello\n\ngo 1.26\n"),
		"main.go": []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"),
	}}
}

// TestBuild builds a command into the cache, finds it there the second
// time, and builds it again when it no longer matches its recorded hash.
func TestBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	t.Setenv("BINGFA_CACHE", t.TempDir())
	c := hello(nil)
	if c.Cached() {
		t.Fatal("cached before any build")
	}
	bin, err := c.Build(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin).Output(); err != nil || string(out) != "hello\n" {
		t.Fatalf("%s: %q, %v", bin, out, err)
	}
	if !c.Cached() || c.usable(bin) != nil {
		t.Fatalf("built, but cached %v, usable: %v", c.Cached(), c.usable(bin))
	}
	if again, err := c.Build(t.Context()); again != bin || err != nil {
		t.Fatalf("second build: %s, %v; want %s from the cache", again, err, bin)
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho poisoned\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if c.usable(bin) == nil {
		t.Fatal("a rewritten binary matches its recorded hash")
	}
	if again, err := c.Build(t.Context()); again != bin || err != nil || c.usable(bin) != nil {
		t.Fatalf("after poisoning: %s, %v, usable: %v", again, err, c.usable(bin))
	}
}

// TestCheckRefuses: a binary that its Check refuses is not kept.
func TestCheckRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	t.Setenv("BINGFA_CACHE", t.TempDir())
	refused := errors.New("speaks another protocol")
	c := hello(func(string) error { return refused })
	if _, err := c.Build(t.Context()); !errors.Is(err, refused) {
		t.Fatalf("build: %v, want %v", err, refused)
	}
	if c.Cached() {
		t.Error("a refused binary is in the cache")
	}
}

// TestBuildError: go's own message says why a command does not build.
func TestBuildError(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	t.Setenv("BINGFA_CACHE", t.TempDir())
	c := hello(nil)
	c.Files["main.go"] = []byte("package main\n\nfunc main() { undefined() }\n")
	_, err := c.Build(t.Context())
	if err == nil || !strings.Contains(err.Error(), "building the test hello") || !strings.Contains(err.Error(), "undefined") {
		t.Fatalf("build: %v, want go's error", err)
	}
}

// TestIdentityKept: a binary that passed its hash and Check is not hashed
// or checked again by a later process (a new Command) while its file is
// unchanged; once rewritten, it is again.
func TestIdentityKept(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	t.Setenv("BINGFA_CACHE", t.TempDir())
	checks := 0
	count := func(string) error { checks++; return nil }
	bin, err := hello(count).Build(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin + ".id"); err != nil {
		t.Fatalf("no identity kept after the build: %v", err)
	}
	before := checks
	later := hello(count) // another process's
	if again, err := later.Build(t.Context()); again != bin || err != nil {
		t.Fatalf("second build: %s, %v", again, err)
	}
	if checks != before {
		t.Errorf("the binary was checked again (%d checks, want %d) though its identity was kept", checks, before)
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho poisoned\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if hello(count).usable(bin) == nil {
		t.Fatal("a rewritten binary with a kept identity is usable")
	}
}

// TestTrimOtherVersions: a build removes the binaries of the command's
// other versions unused for UnusedFor, and keeps those used since.
func TestTrimOtherVersions(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go build")
	}
	cache := t.TempDir()
	t.Setenv("BINGFA_CACHE", cache)
	dir := filepath.Join(cache, "test")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	long := time.Now().Add(-UnusedFor - time.Hour)
	for _, name := range []string{"hello-old", "hello-old.sum", "hello-old.id", "hello-recent", "hello-recent.sum", "other-old"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(name, "recent") {
			if err := os.Chtimes(p, long, long); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := hello(nil).Build(t.Context()); err != nil {
		t.Fatal(err)
	}
	for name, kept := range map[string]bool{"hello-old": false, "hello-old.sum": false, "hello-old.id": false,
		"hello-recent": true, "hello-recent.sum": true, "other-old": true} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != kept {
			t.Errorf("%s: kept %v, want %v", name, err == nil, kept)
		}
	}
}
