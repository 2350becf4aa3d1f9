package sandbox

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestShown keeps the directories of Options.Show that the init shows:
// not the system directories (shown anyway), nor the sandbox's own.
func TestShown(t *testing.T) {
	for _, c := range []struct {
		show, want []string
	}{
		{[]string{"/opt/python/3.12"}, []string{"/opt/python/3.12"}},
		{[]string{"/root/.pyenv/versions/3.11.7/", "/root/.pyenv/versions/3.11.7"}, []string{"/root/.pyenv/versions/3.11.7"}},
		{[]string{"/usr", "/usr/lib/python3.11", "/etc/x", "/lib64"}, nil},
		{[]string{"/", "relative/dir", "/tmp/x", "/dev/shm", "/proc/1", "/bingfa"}, nil},
		{[]string{"/opt/py/bin", "/opt/py", "/opt/py/lib/"}, []string{"/opt/py"}},
	} {
		if got := shown(c.show); !slices.Equal(got, c.want) {
			t.Errorf("shown(%q) = %q, want %q", c.show, got, c.want)
		}
	}
}

// TestShow shows a host directory read-only at its own path and runs a
// program from it, in place; what is beside it stays hidden.
func TestShow(t *testing.T) {
	if !Enabled() {
		t.Skipf("no sandbox here: %v", Why())
	}
	base := showable(t)
	dir := filepath.Join(base, "shown")
	script := "#!/bin/sh\necho \"$0\"\ncat \"${0%/*}/data.txt\"\ntouch \"${0%/*}/new\" 2>/dev/null || echo read-only\nls " + base + "\n"
	for name, data := range map[string]string{"shown/run.sh": script, "shown/data.txt": "data\n", "hidden.txt": "secret\n"} {
		path := filepath.Join(base, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A user's cache may be in a directory only its owner enters: the
	// program runs as nobody when bingfa is root.
	os.Chmod(base, 0o755)
	os.Chmod(dir, 0o755)
	run := filepath.Join(dir, "run.sh")
	cmd := exec.Command(run)
	cmd.Dir = Dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + Dir}
	b, err := Wrap(cmd, Options{Show: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := b.Result(); err != nil {
		t.Fatalf("%v; output:\n%s", err, out.String())
	}
	want := run + "\ndata\nread-only\nshown\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

// showable returns a new directory that the sandbox may show: not under
// $TMPDIR (the sandbox's /tmp is its own) nor any other place that shown
// leaves out. The user's cache, else home (the cache may be under /tmp:
// XDG_CACHE_HOME=/tmp/...); the test is skipped where neither will do.
func showable(t *testing.T) string {
	t.Helper()
	for _, where := range []func() (string, error){os.UserCacheDir, os.UserHomeDir} {
		dir, err := where()
		if err != nil || len(shown([]string{dir})) == 0 {
			continue
		}
		if base, err := os.MkdirTemp(dir, "bingfa-show-test-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(base) })
			return base
		}
	}
	t.Skip("no directory outside the sandbox's own that this user may write to")
	return ""
}
