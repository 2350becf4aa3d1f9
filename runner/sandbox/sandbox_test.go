package sandbox

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

func TestMain(m *testing.M) {
	MaybeInit()
	os.Exit(m.Run())
}

// runSh runs a shell script in a sandbox and returns its output and result.
func runSh(t *testing.T, script string, o Options) (string, *Result) {
	t.Helper()
	if !Enabled() {
		t.Skipf("no sandbox here: %v", Why())
	}
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + Dir, "TMPDIR=" + Dir}
	b, err := Wrap(cmd, o)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	r, err := b.Result()
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, out.String())
	}
	return out.String(), r
}

func TestInside(t *testing.T) {
	out, r := runSh(t, `echo pid=$$ ppid=$PPID uid=$(id -u); ls /proc | grep -c '^[0-9]'; grep CapEff /proc/self/status; ls /; pwd; touch /x 2>/dev/null || echo ro; echo hi > f && cat /tmp/f; ls /sys/class/net`, Options{})
	t.Logf("%s %+v", out, r)
}
