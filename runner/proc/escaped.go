package proc

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// killEscaped kills and reaps the processes that left their program's
// session (setsid) and were then orphaned: as a child subreaper we become
// their parent, which is how they are found. It returns how many there
// were. An orphan is its program's run's: when programs run in parallel,
// one whose working directory is in another running program's scratch
// directory (Config.Scratch: where it started, unless it moved) is left
// for that run to count; any other is counted by whichever run finds it.
// dir is this run's scratch directory with symbolic links resolved (see
// realDir), or "". A process that changed only its process group, or
// whose parent is still alive, is not found: see the package
// documentation.
func killEscaped(dir string) int {
	escapedMu.Lock() // one run at a time, so that no orphan is counted twice
	defer escapedMu.Unlock()
	me, ok := readStat(os.Getpid())
	if !ok {
		return 0
	}
	n := 0
	for _, pid := range ownChildren() {
		p, ok := readStat(pid)
		if !ok || p.Sid == me.Sid || !dirs.mine(pid, dir) {
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

// escapedMu serialises killEscaped: two runs that ended at once would
// otherwise both find, kill and count the same orphan.
var escapedMu sync.Mutex

// dirs are the scratch directories of the programs running under Run, so
// that an escaped orphan is counted by its own program's run.
var dirs = &runDirs{n: map[string]int{}}

type runDirs struct {
	mu sync.Mutex
	n  map[string]int // directory -> runs in it
}

// realDir returns dir with symbolic links resolved, as /proc shows a
// process's working directory; "" stays "".
func realDir(dir string) string {
	if real, err := filepath.EvalSymlinks(dir); dir != "" && err == nil {
		return real
	}
	return dir
}

// add registers a run in dir (resolved by realDir) and returns the
// function that removes it.
func (d *runDirs) add(dir string) func() {
	if dir == "" {
		return func() {}
	}
	d.mu.Lock()
	d.n[dir]++
	d.mu.Unlock()
	return func() {
		d.mu.Lock()
		if d.n[dir]--; d.n[dir] == 0 {
			delete(d.n, dir)
		}
		d.mu.Unlock()
	}
}

// mine reports whether the orphan pid is for the run in dir (resolved by
// realDir) to count: it is unless its working directory is within another
// running program's scratch directory.
func (d *runDirs) mine(pid int, dir string) bool {
	cwd, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/cwd")
	if err != nil {
		return true
	}
	if dir != "" && within(cwd, dir) {
		return true
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for other := range d.n {
		if within(cwd, other) {
			return false
		}
	}
	return true
}

// within reports whether path is dir or under it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

// ownChildren returns the pids of this process's children, from the
// children files of its threads (Linux): far cheaper than reading every
// process of the system. The threads are listed once (a glob of
// task/*/children would list each thread's directory as well, to find
// its one file). Where no such file can be read, it falls back to
// scanning /proc.
func ownChildren() []int {
	tasks, _ := os.ReadDir("/proc/self/task")
	var pids []int
	read := false
	for _, t := range tasks {
		b, err := os.ReadFile(filepath.Join("/proc/self/task", t.Name(), "children"))
		if err != nil {
			continue
		}
		read = true
		for _, field := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(field); err == nil {
				pids = append(pids, pid)
			}
		}
	}
	if read {
		return pids
	}
	self := os.Getpid()
	for _, p := range Processes() {
		if p.PPid == self {
			pids = append(pids, p.Pid)
		}
	}
	return pids
}
