package selfbuild

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
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
