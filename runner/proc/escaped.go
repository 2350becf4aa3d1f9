package proc

import (
	"os"
	"syscall"
)

// killEscaped kills and reaps the processes that left their program's
// session (setsid) and were then orphaned: as a child subreaper we become
// their parent, which is how they are found. It returns how many there
// were. When programs run in parallel, an escaped orphan is counted by
// whichever run ends next. A process that changed only its process group, or whose parent is
// still alive, is not found: see the package documentation.
func killEscaped() int {
	me, ok := readStat(os.Getpid())
	if !ok {
		return 0
	}
	n := 0
	for _, p := range Processes() {
		if p.PPid != me.Pid || p.Sid == me.Sid {
			continue
		}
		if syscall.Kill(p.Pid, syscall.SIGKILL) == nil {
			n++
		}
		var ws syscall.WaitStatus
		_, _ = syscall.Wait4(p.Pid, &ws, 0, nil)
	}
	return n
}
