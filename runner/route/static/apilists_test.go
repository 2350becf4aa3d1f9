package static_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"bingfa/internal/golden"
	"bingfa/runner/route/static"
)

// TestReadAPI reads the small API lists of testdata/api (written for
// linux/amd64) and compares what the router learns from them with
// testdata/api.golden: each symbol newer than yaegi's tables with its
// release (not deprecation notices, not other platforms' symbols, not a
// symbol this platform had already), and each package's first release.
func TestReadAPI(t *testing.T) {
	if runtime.GOOS+"/"+runtime.GOARCH != "linux/amd64" {
		t.Skip("the test lists are written for linux/amd64")
	}
	lines, err := static.ReadAPI("testdata/api")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(lines, "\n") + "\n"
	golden.File(t, "testdata/api.golden", []byte(got))
}

// TestReadAPIMissing checks that API lists that are missing, or that stop
// at yaegi's release, are an error (and then no block goes to yaegi).
func TestReadAPIMissing(t *testing.T) {
	if _, err := static.ReadAPI(filepath.Join(t.TempDir(), "api")); err == nil {
		t.Error("no error for a missing directory")
	}
	old := t.TempDir()
	if err := os.WriteFile(filepath.Join(old, "go1.22.txt"), []byte("pkg sync, type WaitGroup struct\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := static.ReadAPI(old); err == nil || !strings.Contains(err.Error(), "stop at Go 1.22") {
		t.Errorf("lists that stop at Go 1.22: error %v", err)
	}
}
