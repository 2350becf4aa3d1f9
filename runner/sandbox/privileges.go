package sandbox

import "syscall"

// prctl options and secure bits (linux/prctl.h, linux/securebits.h).
const (
	prCapbsetDrop     = 24
	prSetSecurebits   = 28
	prSetNoNewPrivs   = 38
	prCapAmbient      = 47
	prCapAmbientClear = 4
	secbitNoroot      = 1 << 0
	secbitNorootLock  = 1 << 1
	secbitNoAmbient   = 1 << 6
	secbitNoAmbLocked = 1 << 7
	lastCap           = 63
)

// dropPrivileges makes what this thread starts run without capabilities:
// uid 0 inside the user namespace grants none at exec (SECBIT_NOROOT,
// locked), the bounding and ambient sets are emptied and no_new_privs is
// set. Without this the program, root of its user namespace, could
// unmount what hides the host's files. When bingfa is root (see attr),
// the thread also becomes uid and gid 0 inside, nobody outside, with no
// supplementary groups.
func dropPrivileges(root bool) error {
	for c := 0; c <= lastCap; c++ {
		if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prCapbsetDrop, uintptr(c), 0); e != 0 && e != syscall.EINVAL {
			return e
		}
	}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, prCapAmbient, prCapAmbientClear, 0, 0, 0, 0); e != 0 {
		return e
	}
	bits := secbitNoroot | secbitNorootLock | secbitNoAmbient | secbitNoAmbLocked
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSetSecurebits, uintptr(bits), 0); e != 0 {
		return e
	}
	if root {
		// Raw calls: this thread only, which is the one that starts the
		// program (Go's Setresuid would change every thread).
		if _, _, e := syscall.RawSyscall(syscall.SYS_SETGROUPS, 0, 0, 0); e != 0 {
			return e
		}
		if _, _, e := syscall.RawSyscall(syscall.SYS_SETRESGID, 0, 0, 0); e != 0 {
			return e
		}
		if _, _, e := syscall.RawSyscall(syscall.SYS_SETRESUID, 0, 0, 0); e != 0 {
			return e
		}
	}
	if _, _, e := syscall.RawSyscall6(syscall.SYS_PRCTL, prSetNoNewPrivs, 1, 0, 0, 0, 0); e != 0 {
		return e
	}
	return nil
}
