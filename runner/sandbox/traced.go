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
// happened, without a third Go runtime started for each run. Until the
// parent has let it go, the SIGTRAP stays pending (see awaitExec): a
// parent killed meanwhile leaves a program that dies of it before its
// first instruction, never one that runs without its limits.
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

// Values of waitid (linux/wait.h, asm-generic/siginfo.h).
const (
	pPID       = 1
	wNowait    = 0x1000000
	cldTrapped = 4
)

// awaitExec waits until the traced program pid stops at its exec (or at
// a signal before it) and then lets it go with its limits, or until it
// has ended, which it leaves to be reaped. It looks at the stop without
// consuming it (WNOWAIT), so that the SIGTRAP the kernel stopped the
// program for stays pending until PTRACE_DETACH drops it: if the parent
// died before that, the program would get it and die before its first
// instruction, never running without its limits.
func awaitExec(pid int, s *settings) error {
	var info struct {
		signo, errno, code, _ int32
		pid, uid, status      int32
		_                     [128 - 28]byte
	}
	for {
		_, _, e := syscall.Syscall6(syscall.SYS_WAITID, pPID, uintptr(pid), uintptr(unsafe.Pointer(&info)),
			syscall.WEXITED|syscall.WSTOPPED|wNowait, 0, 0)
		switch {
		case e == syscall.EINTR:
			continue
		case e != 0:
			return fmt.Errorf("lost the program: %v", e)
		case info.code != cldTrapped:
			return nil // ended before its exec stopped it
		}
		return release(pid, syscall.Signal(info.status), s)
	}
}

// release sets the program's limits on pid, stopped by its exec (or by
// the signal sig before it), and lets it run untraced. sig is passed on
// unless it is the exec's SIGTRAP. A program that cannot be limited is
// killed.
func release(pid int, sig syscall.Signal, s *settings) error {
	err := setLimits(s, pid)
	if sig == syscall.SIGTRAP || err != nil {
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
