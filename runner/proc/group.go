package proc

import (
	"errors"
	"sync"
	"syscall"
	"time"
)

const prSetChildSubreaper = 36 // PR_SET_CHILD_SUBREAPER, linux/prctl.h

var subreaper sync.Once

// BecomeSubreaper makes orphaned descendants of our children our children,
// so that killGroup can reap them; main calls it, before any Run. It is
// best effort: on systems without the call, orphans go to init as usual.
func BecomeSubreaper() {
	subreaper.Do(func() {
		_, _, _ = syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0)
	})
}

// reapWait bounds how long killGroup waits for killed processes to go.
const reapWait = 2 * time.Second

// killGroup kills whatever is left in process group pgid after its leader
// was reaped, reaps what it can, and returns how many processes were left.
func killGroup(pgid int) int {
	if syscall.Kill(-pgid, 0) != nil {
		return 0
	}
	left := countGroup(pgid)
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	deadline := time.Now().Add(reapWait)
	for time.Now().Before(deadline) {
		for {
			var ws syscall.WaitStatus
			pid, err := syscall.Wait4(-pgid, &ws, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
		}
		if errors.Is(syscall.Kill(-pgid, 0), syscall.ESRCH) {
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	return max(left, 1)
}
