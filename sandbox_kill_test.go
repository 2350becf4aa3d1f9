package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"bingfa/runner/sandbox"
	"bingfa/runner/yaegi"
)

// TestKilledCheckLeavesNothing starts bingfa check on a lesson whose
// programs hide children in sessions of their own and behind a double
// fork, SIGKILLs bingfa once they run, and checks that every process
// below it goes (the parent-death signal of each sandbox's init ends its
// namespace) and that nothing is left in $TMPDIR.
func TestKilledCheckLeavesNothing(t *testing.T) {
	t.Parallel() // each its own bingfa, TMPDIR and processes
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	if !sandbox.Enabled() {
		t.Skipf("no sandbox: %v", sandbox.Why())
	}
	dir := t.TempDir()
	bin := buildBingfa(t, dir)
	lessonPath := filepath.Join(dir, "escapers.md")
	prog := "```go timeout=60s\npackage main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n\t\"syscall\"\n\t\"time\"\n)\n\n" +
		"func main() {\n\tc := exec.Command(\"sh\", \"-c\", \"sleep 300 & (sleep 300 &); wait\")\n" +
		"\tc.SysProcAttr = &syscall.SysProcAttr{Setsid: true}\n\tc.Start()\n\tfmt.Println(\"hiding\")\n\ttime.Sleep(time.Minute)\n}\n```\n\n```output\nhiding\n```\n\n"
	if err := os.WriteFile(lessonPath, []byte("# Escapers\n\n"+prog+prog), 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "check", lessonPath)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, cacheEnv())
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	started := waitForSleepers(t, cmd.Process.Pid)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	deadline := time.Now().Add(30 * time.Second)
	for _, p := range started {
		for alive(p.Pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if alive(p.Pid) {
			t.Errorf("process left after bingfa was killed: %+v", p)
			_ = syscall.Kill(p.Pid, syscall.SIGKILL)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in TMPDIR after bingfa was killed, such as %s", len(left), left[0].Name())
	}
	t.Logf("%d processes were below bingfa; all gone", len(started))
}

// TestMain lets the test binary be a sandbox's init, for the probe. It
// builds the interpreter's worker into the shared cache in the
// background, as the bingfa checks the tests start would: each of them,
// on an empty cache, would start that build, and stop it when it ends
// (the next one starting it again, the packages it was compiling lost),
// or, killed, leave its go command behind. They find it being built here
// instead, and wait for it.
func TestMain(m *testing.M) {
	sandbox.MaybeInit()
	worker, err := yaegi.New()
	if err == nil {
		worker.Prepare()
	}
	code := m.Run()
	if worker != nil {
		worker.Close()
	}
	os.Exit(code)
}
