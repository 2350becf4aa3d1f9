// Package proc runs a child process under supervision: in its own process
// group, with stdin empty unless given a file, its output captured as
// timestamped events and capped, a wall-clock limit, and, when it ends for any reason, every
// process left in its group killed and reaped.
//
// What is contained: the program and every process it starts that stays
// in its process group (the default for children, including background
// children that outlive it), and a process that starts a new session
// (setsid) once its parent has ended: orphans are re-parented to us and
// killed. What is not: a process that only changes its process group
// (setpgid), or that starts a new session while its parent still runs,
// escapes the kill; so do double-forked daemons whose session is new.
// Memory is capped with RLIMIT_AS when Config.MaxMemory is set.
//
// With Config.Sandbox, the program runs in a sandbox instead (package
// sandbox): its own PID namespace, whose init bingfa started and kills,
// contains every process it starts, whatever its group or session.
//
// Orphaned descendants are reaped by this process when it has made itself
// a child subreaper (BecomeSubreaper, Linux): on machines whose init does
// not reap orphans, killed children would otherwise stay as zombies.
package proc

import (
	"context"
	"os"
	"os/exec"
	"syscall"
	"time"

	"bingfa/internal/spawn"
	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
)

// Config says how to run and capture a process.
type Config struct {
	Timeout   time.Duration
	MaxOutput int64
	MaxMemory int64 // address-space cap in bytes; 0 for none
	Split     bool  // separate pipes for stdout and stderr
	// Scratch is the run's own directory, if it has one, where the program
	// starts: a process that escaped its session and is working in it is
	// this run's, even when another run ends first (see killEscaped).
	Scratch string
	Emit    func(engine.Event) // called with each piece of output as read
	// Sandbox, when not nil, runs the program in a sandbox (package
	// sandbox), with a scratch directory of its own: cmd.Dir and cmd.Env
	// must use sandbox.Dir for it, and Scratch is "". MaxMemory is then
	// the sandbox's.
	Sandbox *sandbox.Options
	// Started, if not nil, is called once the program has started
	// (before any output is read) with a function that sends a signal to
	// its process group (in a sandbox, through its init), and Stopped
	// once it has ended: a caller may signal the group in between.
	Started func(signal func(syscall.Signal))
	Stopped func()
}

// Sandbox returns the sandbox options to run p with, or nil when it runs
// unconfined: it asks for that (sandbox=off), or the sandbox is not
// available here (sandbox.Enabled says why, once).
//
// The data files of p are put in its scratch directory by the sandbox,
// and the files it must write are read back (see Outcome.Files).
func Sandbox(p *engine.Program) *sandbox.Options {
	if p.Unconfined || !sandbox.Enabled() {
		return nil
	}
	o := &sandbox.Options{HostNet: p.HostNet, MaxMemory: p.MemoryLimit(), RunMemory: RunMemory(p),
		MaxTasks: engine.DefaultMaxTasks, CPU: CPULimit(p), Collect: p.Collect, MaxCollect: CollectLimit(p),
		Show: p.Show}
	for _, f := range p.Files {
		o.Files = append(o.Files, sandbox.File{Path: f.Path, Data: f.Data})
	}
	return o
}

// MaxTrace bounds each execution trace read back from a traced run
// (engine.Program.Trace): a trace of a second of a busy program is a few
// MiB. A larger trace is read up to the cap, as an incomplete one.
const MaxTrace = 64 << 20

// CollectLimit returns the cap on each file read back from p's run: its
// output cap, or MaxTrace for a traced run.
func CollectLimit(p *engine.Program) int64 {
	if p.Trace {
		return max(p.MaxOutput, MaxTrace)
	}
	return p.MaxOutput
}

// RunMemory returns the memory cap of p's run as a whole (all its
// processes), where the sandbox can make a cgroup: its maxmemory= or the
// default, race-enabled programs included (the cap counts memory used,
// not address space reserved).
func RunMemory(p *engine.Program) int64 {
	if p.MaxMemory > 0 {
		return p.MaxMemory
	}
	return engine.DefaultMaxMemory
}

// CPULimit returns the CPU time cap of each process of p: twice its
// wall-clock limit, as a process that keeps two cores busy uses, so that
// it matters only on machines with more cores, where a fork storm could
// otherwise spend far more than the limit suggests.
func CPULimit(p *engine.Program) time.Duration {
	t := p.Timeout
	if t <= 0 {
		t = 10 * time.Second
	}
	return 2 * t
}

// MakeScratch returns the directory a program sees as its scratch
// directory (its working directory and TMPDIR), and the directory to
// remove once it has run, if any: in a sandbox, sandbox.Dir, which is its
// own; otherwise a new directory in $TMPDIR.
func MakeScratch(box *sandbox.Options) (dir, remove string, err error) {
	if box != nil {
		return sandbox.Dir, "", nil
	}
	dir, err = os.MkdirTemp("", "bingfa-run-")
	return dir, dir, err
}

// drainGrace is how long output is still read after the program and its
// group are gone (a process outside the group may hold the pipe).
const drainGrace = 300 * time.Millisecond

// Run starts cmd and supervises it until it and its process group are
// gone. cmd must not have Stdout or Stderr set, and its Stdin, if set,
// must be an *os.File (nothing copies into a pipe). The returned
// Outcome has its Events, Exit, Signal, Elapsed, CPU, Leftover and Err
// set.
func Run(ctx context.Context, cmd *exec.Cmd, cfg Config) *engine.Outcome {
	out := &engine.Outcome{Exit: -1}
	if err := ctx.Err(); err != nil {
		out.Err = engine.Failuref(engine.Canceled, "stopped: %v", context.Cause(ctx))
		return out
	}
	sink := newCapture(cfg.MaxOutput, cfg.Emit)
	pipes, err := sink.attach(cmd, cfg.Split)
	if err != nil {
		out.Err = engine.Failuref(engine.Broken, "cannot create pipes: %v", err)
		return out
	}
	var box *sandbox.Box
	if cfg.Sandbox != nil {
		if box, err = sandbox.Wrap(cmd, *cfg.Sandbox); err != nil {
			pipes.closeWriters()
			pipes.closeReaders()
			out.Err = engine.Failuref(engine.Broken, "cannot set up the sandbox: %v", err)
			return out
		}
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	scratch := realDir(cfg.Scratch)
	defer dirs.add(scratch)()
	start := time.Now()
	sink.start = start
	if box != nil {
		err = box.Start()
	} else {
		err = spawn.Start(cmd) // dies with bingfa, even killed
	}
	pipes.closeWriters()
	if err != nil {
		pipes.closeReaders()
		out.Err = engine.Failuref(engine.Broken, "cannot start the program: %v", err)
		return out
	}
	pgid := cmd.Process.Pid
	var limitErr error
	if box == nil {
		limitErr = setMemoryLimit(pgid, cfg.MaxMemory)
	}
	if limitErr != nil {
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	}
	if cfg.Started != nil {
		cfg.Started(signaller(box, pgid))
	}
	readersDone := pipes.read(sink)
	out.Err = supervise(ctx, cmd, cfg.Timeout, sink)
	if cfg.Stopped != nil {
		cfg.Stopped()
	}
	out.Elapsed = time.Since(start)
	out.Leftover = killGroup(pgid)
	if box == nil {
		// A sandboxed program's processes cannot leave its PID
		// namespace: orphans are its init's, and die with it.
		out.Leftover += killEscaped(scratch)
	}
	pipes.drain(readersDone, drainGrace)
	out.Events = sink.events
	if box != nil {
		boxStatus(out, box)
	} else {
		setStatus(out, cmd.ProcessState)
	}
	if limitErr != nil {
		out.Err = engine.Failuref(engine.Broken, "cannot limit the program's memory: %v", limitErr)
	}
	return out
}

// supervise waits for cmd to exit, killing its group on timeout,
// cancellation or too much output. It returns why it killed, or nil.
func supervise(ctx context.Context, cmd *exec.Cmd, timeout time.Duration, sink *capture) error {
	waited := make(chan struct{})
	go func() {
		_ = cmd.Wait() // the status is read from cmd.ProcessState
		close(waited)
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	var why error
	select {
	case <-waited:
		return nil
	case <-timer.C:
		why = engine.Failuref(engine.Timeout, "timed out after %v", timeout)
	case <-ctx.Done():
		why = engine.Failuref(engine.Canceled, "stopped: %v", context.Cause(ctx))
	case <-sink.full:
		why = engine.Failuref(engine.TooMuchOutput, "printed more than %s of output; the program was stopped", engine.SizeString(sink.max))
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	<-waited
	return why
}

// signaller returns the function that signals the program's process
// group: through the sandbox's init when there is one (the group is in
// the init's PID namespace), else directly.
func signaller(box *sandbox.Box, pgid int) func(syscall.Signal) {
	if box != nil {
		return func(sig syscall.Signal) { _ = box.Signal(sig) }
	}
	return func(sig syscall.Signal) { _ = syscall.Kill(-pgid, sig) }
}

// boxStatus records how the program in a sandbox ended, from its init's
// report.
func boxStatus(out *engine.Outcome, box *sandbox.Box) {
	r, err := box.Result()
	switch {
	case err != nil && out.Err == nil:
		out.Err = engine.Failuref(engine.Broken, "the sandbox failed: %v", err)
	case err != nil:
	case r.Unavailable != "":
		out.Err = engine.Failuref(engine.Broken, "sandbox unavailable: %s", r.Unavailable)
	default:
		out.Exit, out.Signal, out.CPU = r.Exit, r.Signal, r.CPU
		out.Leftover += r.Leftover
		for _, f := range r.Files {
			out.Files = append(out.Files, engine.File{Path: f.Path, Data: f.Data})
		}
	}
	if out.Err != nil && !engine.IsFailure(out.Err, engine.Timeout) {
		return
	}
	memory, tasks := box.Limits()
	switch {
	case memory:
		out.Err = engine.MemoryLimitFailure(box.RunMemory())
	case tasks:
		out.Err = engine.TaskLimitFailure(box.MaxTasks())
	case out.Signal == syscall.SIGXCPU.String():
		out.Err = engine.CPULimitFailure()
	}
}

// setStatus records how the process ended.
func setStatus(out *engine.Outcome, ps *os.ProcessState) {
	if ps == nil {
		return
	}
	out.CPU = ps.UserTime() + ps.SystemTime()
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if ok && ws.Signaled() {
		out.Signal = ws.Signal().String()
		return
	}
	out.Exit = ps.ExitCode()
}
