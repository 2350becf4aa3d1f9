package sandbox

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bingfa/internal/selfbuild"
)

func TestMain(m *testing.M) {
	MaybeInit()
	if role := os.Getenv(roleEnv); role != "" {
		os.Exit(playRole(role))
	}
	os.Exit(m.Run())
}

// runSh runs a shell script in a sandbox and returns its output and result.
func runSh(t *testing.T, script string, o Options) (string, *Result) {
	t.Helper()
	cmd := exec.Command("/bin/sh", "-c", script)
	cmd.Env = []string{"PATH=/usr/bin:/bin", "HOME=" + Dir, "TMPDIR=" + Dir}
	out, r, err := runCmd(t, cmd, o)
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, out)
	}
	return out, r
}

// runCmd runs cmd in a sandbox and returns its output and result, and
// skips the test where there is no sandbox.
func runCmd(t *testing.T, cmd *exec.Cmd, o Options) (string, *Result, error) {
	t.Helper()
	if !Enabled() {
		t.Skipf("no sandbox here: %v", Why())
	}
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
	return out.String(), r, err
}

// TestInside runs a shell in a sandbox and checks what it sees.
func TestInside(t *testing.T) {
	script := `echo ppid=$PPID uid=$(id -u)
echo procs=$(ls /proc | grep -c '^[0-9]')
grep -e CapEff -e TracerPid /proc/self/status
grep SigIgn /proc/$$/status
echo env: $(env | grep -v ^PWD= | sort)
touch /x 2>/dev/null || echo root-read-only
echo hi > f && cat /tmp/f
echo net=$(ls /sys/class/net)
ls / | tr '\n' ' '; echo`
	out, r := runSh(t, script, Options{})
	if r.Exit != 0 || r.Unavailable != "" {
		t.Fatalf("result %+v; output:\n%s", r, out)
	}
	for _, want := range []string{"uid=0\n", "CapEff:\t0000000000000000\n", "TracerPid:\t0\n", "SigIgn:\t0000000000000000\n", "env: HOME=/tmp PATH=/usr/bin:/bin TMPDIR=/tmp\n", "root-read-only\n", "hi\n", "net=lo\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ppid=1 ") {
		t.Errorf("the program's parent is PID 1:\n%s", out)
	}
	for _, hidden := range []string{" root ", " home ", " work ", " var "} {
		if strings.Contains(" "+out, hidden) {
			t.Errorf("/%s is visible:\n%s", strings.TrimSpace(hidden), out)
		}
	}
}

// TestHostNet: with HostNet, the program sees the host's interfaces.
func TestHostNet(t *testing.T) {
	out, _ := runSh(t, "ls /sys/class/net | wc -l", Options{HostNet: true})
	host, err := os.ReadDir("/sys/class/net")
	if err != nil {
		t.Skip(err)
	}
	if strings.TrimSpace(out) != strconv.Itoa(len(host)) {
		t.Errorf("%s interfaces with net=host, the host has %d", strings.TrimSpace(out), len(host))
	}
}

// TestForcedOff: BINGFA_SANDBOX=off turns the sandbox off, and says why.
func TestForcedOff(t *testing.T) {
	t.Setenv(offEnv, "off")
	if err := probe(); err == nil || !strings.Contains(err.Error(), "BINGFA_SANDBOX=off") {
		t.Errorf("probe with %s=off: %v", offEnv, err)
	}
}

// TestExitAndSignal: the program's exit status and signal come through
// the init's report.
func TestExitAndSignal(t *testing.T) {
	if _, r := runSh(t, "exit 7", Options{}); r.Exit != 7 || r.Signal != "" {
		t.Errorf("exit 7: %+v", r)
	}
	if _, r := runSh(t, "kill -TERM $$", Options{}); r.Exit != -1 || r.Signal != "terminated" {
		t.Errorf("kill -TERM: %+v", r)
	}
	if _, r := runSh(t, "sleep 300 & sleep 300 & echo", Options{}); r.Leftover != 2 {
		t.Errorf("two sleepers left: %+v", r)
	}
}

// TestSignalsAbsorbed: the init and the program's parent outlive the
// signals a program sends them, and report.
func TestSignalsAbsorbed(t *testing.T) {
	script := `for s in INT TERM HUP QUIT; do kill -$s 1 $PPID 2>/dev/null; done; sleep 0.1; echo alive`
	out, r := runSh(t, script, Options{})
	if r.Exit != 0 || out != "alive\n" {
		t.Errorf("result %+v; output:\n%s", r, out)
	}
}

// TestLimits: the program gets its resource limits, soft and hard,
// before it runs, and its parent does not.
func TestLimits(t *testing.T) {
	o := Options{MaxMemory: 1 << 30, MaxTasks: 64, CPU: 7 * time.Second}
	out, r := runSh(t, "grep -e cpu -e processes -e address /proc/self/limits; echo parent; grep address /proc/$PPID/limits", o)
	if r.Exit != 0 {
		t.Fatalf("result %+v; output:\n%s", r, out)
	}
	program, parent, _ := strings.Cut(out, "parent\n")
	for _, want := range []string{
		"Max cpu time              7                    7                    seconds",
		"Max processes             64                   64                   processes",
		"Max address space         1073741824           1073741824           bytes",
	} {
		if !strings.Contains(program, want) {
			t.Errorf("the program's limits lack %q:\n%s", want, program)
		}
	}
	if !strings.Contains(parent, "unlimited") {
		t.Errorf("the program's parent has the program's memory limit:\n%s", parent)
	}
}

// TestExecFails: a binary that cannot be executed ends with status 127
// and says why.
func TestExecFails(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "notexec")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho ran\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, r, err := runCmd(t, exec.Command(bin), Options{MaxMemory: 1 << 30})
	if err != nil || r.Exit != 127 || !strings.Contains(out, "cannot start the program: permission denied") {
		t.Errorf("result %+v, %v; output:\n%s", r, err, out)
	}
}

// TestHelperRebuiltWhenPoisoned: a helper that no longer matches its
// recorded hash is built again, never used.
func TestHelperRebuiltWhenPoisoned(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the helper")
	}
	t.Setenv("BINGFA_CACHE", t.TempDir())
	bin, err := buildHelper()
	if err != nil {
		t.Fatalf("building the helper: %v", err)
	}
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho poisoned\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if sumOK(bin) {
		t.Fatal("a rewritten helper matches its recorded hash")
	}
	again, err := buildHelper()
	if err != nil {
		t.Fatal(err)
	}
	if again != bin || !sumOK(again) {
		t.Errorf("after poisoning: %s, intact %v", again, sumOK(again))
	}
}

// sumOK reports whether bin matches the SHA-256 recorded in bin.sum.
func sumOK(bin string) bool {
	want, err := os.ReadFile(bin + ".sum")
	got, err2 := selfbuild.FileSum(bin)
	return err == nil && err2 == nil && got == strings.TrimSpace(string(want))
}
