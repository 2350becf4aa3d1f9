// Package proc runs a child process under supervision: in its own process
// group, with stdin closed, its output captured as timestamped events and
// capped, a wall-clock limit, and, when it ends for any reason, every
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
// Orphaned descendants are reaped by this process when it has made itself
// a child subreaper (BecomeSubreaper, Linux): on machines whose init does
// not reap orphans, killed children would otherwise stay as zombies.
package proc

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"syscall"
	"time"

	"bingfa/runner/engine"
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
}

// drainGrace is how long output is still read after the program and its
// group are gone (a process outside the group may hold the pipe).
const drainGrace = 300 * time.Millisecond

// Run starts cmd and supervises it until it and its process group are
// gone. cmd must not have Stdin, Stdout or Stderr set. The returned
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
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	scratch := realDir(cfg.Scratch)
	defer dirs.add(scratch)()
	start := time.Now()
	sink.start = start
	err = cmd.Start()
	pipes.closeWriters()
	if err != nil {
		pipes.closeReaders()
		out.Err = engine.Failuref(engine.Broken, "cannot start the program: %v", err)
		return out
	}
	pgid := cmd.Process.Pid
	limitErr := setMemoryLimit(pgid, cfg.MaxMemory)
	if limitErr != nil {
		_ = syscall.Kill(-pgid, syscall.SIGKILL)
	}
	readersDone := pipes.read(sink)
	out.Err = supervise(ctx, cmd, cfg.Timeout, sink)
	out.Elapsed = time.Since(start)
	out.Leftover = killGroup(pgid) + killEscaped(scratch)
	pipes.drain(readersDone, drainGrace)
	out.Events = sink.events
	setStatus(out, cmd.ProcessState)
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
		why = engine.Failuref(engine.TooMuchOutput, "printed more than %s of output; the program was stopped", sizeString(sink.max))
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	<-waited
	return why
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

// IsFailure reports whether err is an engine.Failure of kind k.
func IsFailure(err error, k engine.Kind) bool {
	var f *engine.Failure
	return errors.As(err, &f) && f.Kind == k
}
