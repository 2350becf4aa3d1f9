package sandbox

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// A cgroup is the control groups of one run, where bingfa may create
// them (root, or a delegated cgroup v2): a memory limit for the run as a
// whole, and a limit on its number of tasks (processes and threads). dirs
// holds one directory per controller (cgroup v1) or one (v2).
type cgroup struct {
	v2   bool
	dirs []string
}

// cgroupRoot is where /sys/fs/cgroup is mounted.
const cgroupRoot = "/sys/fs/cgroup"

var cgroupSeq atomic.Int64

// cgroupParents are the directories under which runs' cgroups are made:
// this process's own cgroups, by controller ("" for v2).
var cgroupParents = sync.OnceValue(func() map[string]string {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return nil
	}
	v1 := map[string]string{}
	v2 := ""
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		f := strings.SplitN(l, ":", 3)
		if len(f) != 3 {
			continue
		}
		for _, c := range strings.Split(f[1], ",") {
			if c == "memory" || c == "pids" {
				v1[c] = filepath.Join(cgroupRoot, c, f[2])
			}
		}
		if f[0] == "0" && f[1] == "" {
			v2 = filepath.Join(cgroupRoot, f[2])
		}
	}
	if len(v1) == 2 {
		return v1
	}
	if _, err := os.Stat(filepath.Join(cgroupRoot, "cgroup.controllers")); err == nil && v2 != "" {
		return map[string]string{"": v2}
	}
	return nil
})

// cgroupPrefix starts the name of every run's cgroup; the pid of the
// bingfa that made it follows.
const cgroupPrefix = "bingfa-"

// newCgroup makes the cgroup of one run with the given limits, or
// returns nil where bingfa may not.
func newCgroup(memory int64, tasks int) *cgroup {
	parents := cgroupParents()
	if parents == nil || os.Getenv(offEnv) == "nocgroup" {
		return nil
	}
	sweepOnce.Do(func() { sweepCgroups(parents) })
	name := fmt.Sprintf("%s%d-%d", cgroupPrefix, os.Getpid(), cgroupSeq.Add(1))
	c := &cgroup{}
	settings := map[string][][2]string{}
	mem, pids := strconv.FormatInt(memory, 10), strconv.Itoa(tasks)
	if memory <= 0 {
		mem = "max"
	}
	if tasks <= 0 {
		pids = "max"
	}
	if p, ok := parents[""]; ok {
		c.v2 = true
		settings[p] = [][2]string{{"memory.max", mem}, {"memory.swap.max", "0"}, {"pids.max", pids}}
	} else {
		if memory <= 0 {
			mem = "-1"
		}
		settings[parents["memory"]] = [][2]string{{"memory.limit_in_bytes", mem}, {"memory.memsw.limit_in_bytes", mem}}
		settings[parents["pids"]] = [][2]string{{"pids.max", pids}}
	}
	for parent, files := range settings {
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o755); err != nil {
			c.remove()
			return nil
		}
		c.dirs = append(c.dirs, dir)
		for _, f := range files {
			err := os.WriteFile(filepath.Join(dir, f[0]), []byte(f[1]), 0o644)
			if err != nil && f[0] != "memory.swap.max" && f[0] != "memory.memsw.limit_in_bytes" {
				c.remove()
				return nil
			}
		}
	}
	return c
}

// add moves process pid into the cgroup.
func (c *cgroup) add(pid int) error {
	for _, d := range c.dirs {
		if err := os.WriteFile(filepath.Join(d, "cgroup.procs"), []byte(strconv.Itoa(pid)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// limits reports which limits the run reached: the memory limit (the
// kernel had to reclaim or kill to keep the run under it: a run that
// thrashes there until its time limit counts) and the tasks limit (a fork
// or a new thread failed).
func (c *cgroup) limits() (memory, tasks bool) {
	for _, d := range c.dirs {
		if c.v2 {
			memory = memory || count(filepath.Join(d, "memory.events"), "oom_kill") > 0 ||
				count(filepath.Join(d, "memory.events"), "max") > 0
		} else {
			memory = memory || count(filepath.Join(d, "memory.oom_control"), "oom_kill") > 0 ||
				readInt(filepath.Join(d, "memory.failcnt")) > 0
		}
		tasks = tasks || count(filepath.Join(d, "pids.events"), "max") > 0
	}
	return memory, tasks
}

// count returns the number after key in a flat keyed cgroup file.
func count(file, key string) int64 {
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		if k == key {
			n, _ := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			return n
		}
	}
	return 0
}

// removeWait bounds how long remove waits for the kernel to empty a
// cgroup whose tasks were killed.
const removeWait = 2 * time.Second

// remove removes the cgroup once its tasks are gone.
func (c *cgroup) remove() {
	deadline := time.Now().Add(removeWait)
	for _, d := range c.dirs {
		for syscall.Rmdir(d) == syscall.EBUSY && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
	}
}

var sweepOnce sync.Once

// sweepCgroups removes the empty cgroups left by a bingfa that was
// killed: those whose bingfa is gone.
func sweepCgroups(parents map[string]string) {
	for _, parent := range parents {
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			rest, ok := strings.CutPrefix(e.Name(), cgroupPrefix)
			pid, err := strconv.Atoi(strings.Split(rest, "-")[0])
			if !ok || !e.IsDir() || err != nil {
				continue
			}
			if syscall.Kill(pid, 0) == syscall.ESRCH {
				_ = syscall.Rmdir(filepath.Join(parent, e.Name()))
			}
		}
	}
}

// Cgroups reports whether runs get a cgroup of their own here, with a
// memory cap for the run as a whole and a cap on its tasks; without one,
// memory is capped per process (RLIMIT_AS) and tasks per run by
// RLIMIT_NPROC in the run's user namespace.
var Cgroups = sync.OnceValue(func() bool {
	c := newCgroup(1<<30, 100)
	if c == nil {
		return false
	}
	c.remove()
	return true
})

// readInt reads a cgroup file that holds one number.
func readInt(file string) int64 {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	return n
}
