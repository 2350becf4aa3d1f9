package spawn

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary play the parent that gets killed.
func TestMain(m *testing.M) {
	if os.Getenv("SPAWN_TEST_PARENT") == "1" {
		parent()
		return
	}
	os.Exit(m.Run())
}

// parent starts a sleeper with Start from a goroutine that then ends
// (its thread may end with it, which must not matter), prints the
// sleeper's pid and waits to be killed.
func parent() {
	done := make(chan *exec.Cmd)
	go func() {
		cmd := exec.Command("sleep", "60")
		if err := Start(cmd); err != nil {
			os.Exit(3)
		}
		done <- cmd
	}()
	cmd := <-done
	os.Stdout.WriteString(strconv.Itoa(cmd.Process.Pid) + "\n")
	select {}
}

// TestDiesWithParent: a child started with Start is killed when the
// process that started it is killed by SIGKILL.
func TestDiesWithParent(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := exec.Command(exe, "-test.run=^$")
	p.Env = append(os.Environ(), "SPAWN_TEST_PARENT=1")
	out, err := p.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the parent printed no pid: %v", err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		t.Fatal(err)
	}
	_ = p.Process.Kill()
	_ = p.Wait()
	// The sleeper, reparented, is gone once the kernel has delivered its
	// parent-death signal and something has reaped it (init, or a
	// subreaper): wait until it is no longer running.
	deadline := time.Now().Add(30 * time.Second)
	for running(pid) {
		if time.Now().After(deadline) {
			_ = syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the child %d outlived its killed parent", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// running reports whether pid is a process that has not ended (a zombie
// has ended).
func running(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}
