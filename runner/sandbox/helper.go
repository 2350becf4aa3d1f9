package sandbox

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// sources are this package's own files: the init's helper is built from
// them.
//
//go:embed *.go
var sources embed.FS

// The init and the program's parent are started twice per run. bingfa's
// own executable would do (MaybeInit), but its packages take tens of
// milliseconds to initialise (syntax highlighting tables, the
// interpreter's symbols) before main even starts: instead, where the Go
// toolchain is, the sandbox builds once a small program from this
// package's own sources, keeps it in bingfa's cache with its SHA-256
// checked before each use, and starts that.
var helper = sync.OnceValue(func() string {
	p, err := buildHelper()
	if err != nil {
		return ""
	}
	return p
})

// initExecutable returns the executable to start as the init: the helper,
// or this process's own executable where it cannot be built.
func initExecutable() (string, error) {
	if p := helper(); p != "" {
		return p, nil
	}
	return os.Executable()
}

// helperDir is where helpers are kept: $BINGFA_CACHE/sandbox, or
// bingfa/sandbox in the user's cache directory.
func helperDir() (string, error) {
	if d := os.Getenv("BINGFA_CACHE"); d != "" {
		return filepath.Join(d, "sandbox"), nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "bingfa", "sandbox"), nil
}

// buildHelper returns the helper built from sources, building it first if
// it is not in the cache or no longer matches its recorded hash.
func buildHelper() (string, error) {
	files, key, err := helperSources()
	if err != nil {
		return "", err
	}
	dir, err := helperDir()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "init-"+key)
	if sumOK(bin) {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	work, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work)
	for name, data := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(work, name)), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(work, name), data, 0o644); err != nil {
			return "", err
		}
	}
	out := filepath.Join(work, "init")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-w", "-o", out, ".")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOWORK=off", "GO111MODULE=on", "GOTOOLCHAIN=local",
		"GOPROXY=off", "GOENV=off", "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building the sandbox's init: %v\n%s", err, msg)
	}
	sum, err := FileSum(out)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(out+".sum", []byte(sum+"\n"), 0o444); err != nil {
		return "", err
	}
	if err := os.Rename(out+".sum", bin+".sum"); err != nil {
		return "", err
	}
	return bin, os.Rename(out, bin)
}

// helperSources returns the files of the helper's module, and a key
// naming the helper built from them.
func helperSources() (map[string][]byte, string, error) {
	files := map[string][]byte{
		"go.mod":  []byte("module bingfa.init\n\ngo 1.26\n"),
		"main.go": []byte("package main\n\nimport \"bingfa.init/sandbox\"\n\nfunc main() { sandbox.MaybeInit() }\n"),
	}
	entries, err := sources.ReadDir(".")
	if err != nil {
		return nil, "", err
	}
	h := sha256.New()
	fmt.Fprintln(h, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		data, err := sources.ReadFile(e.Name())
		if err != nil {
			return nil, "", err
		}
		files["sandbox/"+e.Name()] = data
		fmt.Fprintf(h, "%s %d\n", e.Name(), len(data))
		h.Write(data)
	}
	return files, hex.EncodeToString(h.Sum(nil))[:24], nil
}

// sumOK reports whether bin exists and matches the SHA-256 recorded in
// bin.sum.
func sumOK(bin string) bool {
	want, err := os.ReadFile(bin + ".sum")
	if err != nil {
		return false
	}
	got, err := FileSum(bin)
	return err == nil && got == strings.TrimSpace(string(want))
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
