package yaegi

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestModuleFiles checks that the worker is built with the interpreter's
// version and checksums of bingfa's go.mod and go.sum (update module.go
// with them).
func TestModuleFiles(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	want := yaegiModule + " " + yaegiVersion
	found := false
	for _, l := range strings.Split(string(mod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "require "))
		if len(f) >= 2 && f[0] == yaegiModule {
			found = true
			if got := f[0] + " " + f[1]; got != want {
				t.Errorf("go.mod requires %s; module.go says %s", got, want)
			}
		}
	}
	if !found {
		t.Errorf("go.mod does not require %s", yaegiModule)
	}
	sum, err := os.ReadFile(filepath.Join("..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var sums strings.Builder
	for _, l := range strings.SplitAfter(string(sum), "\n") {
		if strings.HasPrefix(l, want+" ") || strings.HasPrefix(l, want+"/go.mod ") {
			sums.WriteString(l)
		}
	}
	if sums.String() != yaegiSums {
		t.Errorf("go.sum has\n%s\nmodule.go has\n%s", sums.String(), yaegiSums)
	}
}

// TestHandshake checks that a worker that speaks another protocol, or
// none, is refused, and that the built one is accepted.
func TestHandshake(t *testing.T) {
	dir := t.TempDir()
	for name, script := range map[string]string{
		"other":  "#!/bin/sh\necho 'bingfa-yaegi-worker protocol 0'\n",
		"silent": "#!/bin/sh\nexit 0\n",
		"fails":  "#!/bin/sh\nexit 2\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := handshake(p); err == nil {
			t.Errorf("%s: handshake accepted", name)
		}
	}
	theWorker.open()
	defer theWorker.close()
	bin, err := theWorker.wait(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if err := handshake(bin); err != nil {
		t.Error(err)
	}
}

// TestBuildOffline checks that without the interpreter in the module
// cache the build fails at once, offline, and is not tried again.
func TestBuildOffline(t *testing.T) {
	t.Setenv("GOMODCACHE", t.TempDir())
	t.Setenv("BINGFA_CACHE", t.TempDir())
	b := &binary{}
	b.open()
	defer b.close()
	if _, err := b.wait(t.Context()); err == nil || !strings.Contains(err.Error(), yaegiModule) {
		t.Fatalf("build without the module cache: %v, want an error about %s", err, yaegiModule)
	}
	if b.failed() == nil || b.ready() {
		t.Errorf("failed: %v, ready: %v; want an error, not ready", b.failed(), b.ready())
	}
	if a := b.cur; b.start() != a {
		t.Errorf("a failed build was tried again")
	}
}

// TestBingfaDoesNotLinkYaegi checks that bingfa itself stays lean: only
// the worker (and tests) link the interpreter, whose symbol tables are
// most of a cold build.
func TestBingfaDoesNotLinkYaegi(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../..").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, yaegiModule) {
			t.Errorf("bingfa links %s", p)
		}
	}
}
