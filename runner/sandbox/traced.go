package sandbox

import (
	"fmt"
	"syscall"
	"unsafe"
)

// The program's resource limits must not cap its parent, which must still
// be able to allocate when the program has used all it may: they are set
// on the program's process between its exec and its first instruction.
// The parent starts the program traced (PTRACE_TRACEME, then exec): the
// kernel stops it with SIGTRAP once the exec has succeeded, before it
// runs; the parent sets the limits on it (prlimit) and detaches, dropping
// the SIGTRAP. The program then runs untraced, as if nothing had
// happened, without a third Go runtime started for each run.
//
// Where tracing is not allowed (a seccomp filter, Yama's ptrace_scope 3)
// or the exec fails, the parent starts a launcher instead (this
// executable again, Launch), which sets the limits on itself and becomes
// the program, and which reports a failed exec as it always did.

// startTraced starts the program stopped at its exec, and returns its
// pid. The calling goroutine must be locked to its thread: the tracer is
// the thread.
func startTraced(s *settings, files []uintptr) (int, error) {
	return syscall.ForkExec(s.Path, s.Args, &syscall.ProcAttr{
		Dir: Dir, Env: s.Env, Files: files,
		Sys: &syscall.SysProcAttr{Setpgid: true, Ptrace: true},
	})
}

// release sets the program's limits on pid, stopped by its exec (or by
// a signal: ws), and lets it run untraced. The signal of the stop is
// passed on unless it is the exec's SIGTRAP.
func release(pid int, ws syscall.WaitStatus, s *settings) error {
	err := setLimits(s, pid)
	sig := ws.StopSignal()
	if sig == syscall.SIGTRAP {
		sig = 0
	}
	_, _, e := syscall.RawSyscall6(syscall.SYS_PTRACE, syscall.PTRACE_DETACH, uintptr(pid), 0, uintptr(sig), 0, 0)
	if e != 0 && err == nil {
		err = fmt.Errorf("cannot release the program: %v", e)
	}
	if err != nil {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	return err
}

// prlimit gets (old) and sets (new, when not nil) resource res of process
// pid.
func prlimit(pid, res int, new, old *syscall.Rlimit) error {
	_, _, e := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), uintptr(res),
		uintptr(unsafe.Pointer(new)), uintptr(unsafe.Pointer(old)), 0, 0)
	if e != 0 {
		return e
	}
	return nil
}
