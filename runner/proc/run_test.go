package proc

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"bingfa/runner/engine"
)

func sh(script string) *exec.Cmd { return exec.Command("/bin/sh", "-c", script) }

func run(t *testing.T, cmd *exec.Cmd, cfg Config) *engine.Outcome {
	t.Helper()
	if cfg.Timeout == 0 {
		cfg.Timeout = 5 * time.Second
	}
	return Run(context.Background(), cmd, cfg)
}

func TestCombinedOrder(t *testing.T) {
	o := run(t, sh("echo a; echo b >&2; echo c; echo d >&2"), Config{})
	if got := o.Text(engine.Output); got != "a\nb\nc\nd\n" {
		t.Errorf("output %q, want the exact write order", got)
	}
	for _, e := range o.Events {
		if e.Stream != engine.Output {
			t.Errorf("event on stream %v, want output", e.Stream)
		}
	}
}

func TestSplit(t *testing.T) {
	o := run(t, sh("echo out; echo err >&2"), Config{Split: true})
	if o.Text(engine.Stdout) != "out\n" || o.Text(engine.Stderr) != "err\n" {
		t.Errorf("stdout %q, stderr %q", o.Text(engine.Stdout), o.Text(engine.Stderr))
	}
}

func TestEmitAndTimes(t *testing.T) {
	var seen []string
	o := run(t, sh("echo first; sleep 0.3; echo second"), Config{Emit: func(e engine.Event) { seen = append(seen, string(e.Data)) }})
	if strings.Join(seen, "") != "first\nsecond\n" {
		t.Fatalf("emitted %q", seen)
	}
	if len(o.Events) != 2 {
		t.Fatalf("events %+v", o.Events)
	}
	if gap := o.Events[1].Time - o.Events[0].Time; gap < 250*time.Millisecond {
		t.Errorf("second event %v after the first; the program slept 300ms between them", gap)
	}
}

func TestExitAndSignal(t *testing.T) {
	if o := run(t, sh("exit 3"), Config{}); o.Exit != 3 || o.Err != nil {
		t.Errorf("exit %d, err %v; want 3, nil", o.Exit, o.Err)
	}
	o := run(t, sh("kill -TERM $$"), Config{})
	if o.Signal != "terminated" || o.Exit != -1 {
		t.Errorf("signal %q exit %d; want terminated, -1", o.Signal, o.Exit)
	}
}

func TestTimeoutKillsGroup(t *testing.T) {
	o := run(t, sh("sleep 300 & sleep 300"), Config{Timeout: 200 * time.Millisecond})
	if !engine.IsFailure(o.Err, engine.Timeout) {
		t.Errorf("err %v, want a timeout", o.Err)
	}
	assertNoChildren(t)
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	o := Run(ctx, sh("sleep 300"), Config{Timeout: time.Minute})
	if !engine.IsFailure(o.Err, engine.Canceled) {
		t.Errorf("err %v, want canceled", o.Err)
	}
	assertNoChildren(t)
}

func TestOutputCap(t *testing.T) {
	o := run(t, exec.Command("yes"), Config{MaxOutput: 10000})
	if !engine.IsFailure(o.Err, engine.TooMuchOutput) {
		t.Errorf("err %v, want too much output", o.Err)
	}
	if n := len(o.Text(engine.Output)); n != 10000 {
		t.Errorf("captured %d bytes, want exactly the cap", n)
	}
}

func TestLeftoversKilledAndReaped(t *testing.T) {
	o := run(t, sh("sleep 300 & sleep 300 & echo bye"), Config{})
	if o.Exit != 0 || o.Leftover != 2 {
		t.Errorf("exit %d, leftover %d; want 0, 2", o.Exit, o.Leftover)
	}
	assertNoChildren(t)
}

// TestEscapedHolder: a process that leaves the group keeps the output pipe
// open; Run still returns, after a grace period, and says what it got.
func TestEscapedHolder(t *testing.T) {
	o := run(t, sh("setsid sleep 2 & echo started"), Config{})
	if o.Text(engine.Output) != "started\n" {
		t.Errorf("output %q", o.Text(engine.Output))
	}
	// The escaped sleep is outside the group kill; wait for it to end
	// (2 seconds, and generously more on a busy machine).
	for deadline := time.Now().Add(30 * time.Second); len(Descendants(os.Getpid())) > 0 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		reapOrphans()
	}
	assertNoChildren(t)
}

func TestStartFailure(t *testing.T) {
	o := run(t, exec.Command("/nonexistent/program"), Config{})
	if !engine.IsFailure(o.Err, engine.Broken) {
		t.Errorf("err %v, want a start failure", o.Err)
	}
}

// assertNoChildren fails if any process below this one is left.
func assertNoChildren(t *testing.T) {
	t.Helper()
	if ps := Descendants(os.Getpid()); len(ps) > 0 {
		t.Errorf("processes left: %+v", ps)
	}
}

// reapOrphans reaps exited orphans that were reparented to us (this test
// runs no other child at the same time, so none of them is someone else's).
func reapOrphans() {
	for _, p := range Descendants(os.Getpid()) {
		if p.State == 'Z' {
			var ws syscall.WaitStatus
			syscall.Wait4(p.Pid, &ws, syscall.WNOHANG, nil)
		}
	}
}

// TestCPU: a program that sleeps uses next to no CPU; the work of a child
// it waits for counts.
func TestCPU(t *testing.T) {
	sleeper := run(t, sh("sleep 0.3"), Config{})
	if sleeper.CPU > 100*time.Millisecond {
		t.Errorf("a sleeping program used %v of CPU in %v", sleeper.CPU, sleeper.Elapsed)
	}
	// Fixed work, not a fixed time: a busy machine does not shrink it.
	worker := run(t, sh(`/bin/sh -c 'i=0; while [ $i -lt 500000 ]; do i=$((i+1)); done'; true`), Config{Timeout: time.Minute})
	if worker.Err != nil || worker.CPU < 50*time.Millisecond {
		t.Errorf("a child counting to 500000: CPU %v in %v, err %v; want at least 50ms", worker.CPU, worker.Elapsed, worker.Err)
	}
}

// TestEscapedOrphanAttribution: an orphan that escaped its session and
// works in another running program's scratch directory is left for that
// run to count; one in no running program's directory is counted by
// whichever run finds it.
func TestEscapedOrphanAttribution(t *testing.T) {
	BecomeSubreaper()
	mine, other := realDir(t.TempDir()), realDir(t.TempDir())
	orphan := func(dir string) {
		t.Helper()
		cmd := sh("setsid sleep 300 >/dev/null 2>&1 &")
		cmd.Dir = dir
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		me, _ := readStat(os.Getpid())
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			for _, pid := range ownChildren() {
				if p, ok := readStat(pid); ok && p.Sid != me.Sid {
					return
				}
			}
			if time.Now().After(deadline) {
				t.Fatal("the escaped sleep was not reparented to this process")
			}
		}
	}
	running := dirs.add(other)
	orphan(other)
	if n := killEscaped(mine); n != 0 {
		t.Errorf("a run counted %d orphan(s) of another running program", n)
	}
	if n := killEscaped(other); n != 1 {
		t.Errorf("the run whose orphan it was counted %d, want 1", n)
	}
	orphan(other)
	running()
	if n := killEscaped(mine); n != 1 {
		t.Errorf("an orphan of no running program: counted %d, want 1", n)
	}
	assertNoChildren(t)
}

// TestMemoryLimitUnderHardLimit: with a hard RLIMIT_AS already below the
// cap (ulimit -v), the cap is lowered to it instead of failing.
func TestMemoryLimitUnderHardLimit(t *testing.T) {
	cmd := exec.Command("sleep", "30")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	const hard = 3 << 30
	lim := syscall.Rlimit{Cur: hard, Max: hard}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(cmd.Process.Pid), syscall.RLIMIT_AS,
		uintptr(unsafe.Pointer(&lim)), 0, 0, 0); e != 0 {
		t.Fatal(e)
	}
	if err := setMemoryLimit(cmd.Process.Pid, 4<<30); err != nil {
		t.Fatalf("a 4 GiB cap under a 3 GiB hard limit: %v", err)
	}
	var got syscall.Rlimit
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(cmd.Process.Pid), syscall.RLIMIT_AS,
		0, uintptr(unsafe.Pointer(&got)), 0, 0); e != 0 {
		t.Fatal(e)
	}
	if got.Cur != hard || got.Max != hard {
		t.Errorf("limit %d/%d, want %d", got.Cur, got.Max, hard)
	}
}
