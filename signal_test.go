package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"bingfa/runner/proc"
)

// TestInterrupt starts bingfa check on a lesson whose programs sleep,
// sends a stop signal (Ctrl-C's SIGINT, or the SIGHUP of a closed
// terminal) once they run, and checks that bingfa exits with an error,
// that no program is left running and that no scratch directory is left
// in $TMPDIR.
func TestInterrupt(t *testing.T) {
	t.Parallel() // each its own bingfa, TMPDIR and processes
	if testing.Short() {
		t.Skip("builds bingfa")
	}
	bin := buildBingfa(t, t.TempDir())
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) { interruptCheck(t, bin, sig) })
	}
}

func interruptCheck(t *testing.T, bin string, sig os.Signal) {
	dir := t.TempDir()
	lessonPath := filepath.Join(dir, "sleepers.md")
	writeSleepers(t, lessonPath)
	tmp := filepath.Join(dir, "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "check", "-v", lessonPath)
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, cacheEnv())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	started := waitForSleepers(t, cmd.Process.Pid)
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	rest := readAll(stdout)
	err = cmd.Wait()
	if err == nil {
		t.Errorf("bingfa check exited with status 0 after %v; output:\n%s", sig, rest)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Errorf("bingfa check was killed by %v instead of stopping cleanly", ws.Signal())
	}
	for _, p := range started {
		if alive(p.Pid) {
			t.Errorf("process left after %v: %+v", sig, p)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d entries left in TMPDIR after %v, such as %s", len(left), sig, left[0].Name())
	}
}

// writeSleepers writes a lesson of two programs that each start a child
// sleeper and then sleep themselves.
func writeSleepers(t *testing.T, path string) {
	t.Helper()
	prog := "```go timeout=60s\npackage main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n\t\"time\"\n)\n\n" +
		"func main() {\n\texec.Command(\"sleep\", \"300\").Start()\n\tfmt.Println(\"sleeping\")\n\ttime.Sleep(time.Minute)\n}\n```\n\n```output\nsleeping\n```\n\n"
	if err := os.WriteFile(path, []byte("# Sleepers\n\n"+prog+prog), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitForSleepers waits until bingfa (pid) has a sleep child running
// somewhere below it, and returns the processes below bingfa then.
func waitForSleepers(t *testing.T, pid int) []proc.Process {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		ps := proc.Descendants(pid)
		for _, p := range ps {
			if p.Comm == "sleep" {
				return ps
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	t.Fatal("the programs never started")
	return nil
}

// alive reports whether pid is a process that has not ended (a zombie
// has ended).
func alive(pid int) bool {
	for _, p := range proc.Processes() {
		if p.Pid == pid {
			return p.State != 'Z'
		}
	}
	return false
}

func readAll(r interface{ Read([]byte) (int, error) }) string {
	var b strings.Builder
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		b.WriteString(sc.Text() + "\n")
	}
	return b.String()
}
