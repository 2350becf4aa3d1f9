package proc

import (
	"syscall"
	"unsafe"
)

// setMemoryLimit caps the address space of process pid at max bytes
// (RLIMIT_AS, Linux prlimit). A Go program that reaches the cap fails with
// "runtime: out of memory" and exit status 2 instead of filling the
// machine. The cap is set just after the process starts, so the few
// instructions it runs before then are not limited; that is enough for
// programs whose appetite grows over time, which is the case it guards.
// The cap is never set above the hard limit already in place (ulimit -v),
// which only root could raise.
func setMemoryLimit(pid int, max int64) error {
	if max <= 0 {
		return nil
	}
	var old syscall.Rlimit
	_, _, errno := syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), syscall.RLIMIT_AS,
		0, uintptr(unsafe.Pointer(&old)), 0, 0)
	if errno != 0 {
		return errno
	}
	lim := syscall.Rlimit{Cur: min(uint64(max), old.Max), Max: min(uint64(max), old.Max)}
	_, _, errno = syscall.RawSyscall6(syscall.SYS_PRLIMIT64, uintptr(pid), syscall.RLIMIT_AS,
		uintptr(unsafe.Pointer(&lim)), 0, 0, 0)
	if errno != 0 {
		return errno
	}
	return nil
}
