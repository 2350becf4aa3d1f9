package proc

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	for _, pid := range ownChildren() {
		p, ok := readStat(pid)
		if !ok || p.Sid == me.Sid {
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

// ownChildren returns the pids of this process's children, from the
// children files of its threads (Linux): far cheaper than reading every
// process of the system. Where those files are missing, it falls back to
// scanning /proc.
func ownChildren() []int {
	files, _ := filepath.Glob("/proc/self/task/*/children")
	if len(files) == 0 {
		var pids []int
		self := os.Getpid()
		for _, p := range Processes() {
			if p.PPid == self {
				pids = append(pids, p.Pid)
			}
		}
		return pids
	}
	var pids []int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, field := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(field); err == nil {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}
