package proc

import (
	"os"
	"strconv"
	"strings"
)

// A Process is one entry of /proc.
type Process struct {
	Pid, PPid, Pgid, Sid int
	State                byte // R, S, Z, ...
	Comm                 string
}

// Processes lists the processes of the system from /proc (Linux). It
// returns nil where /proc is not available.
func Processes() []Process {
	dir, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var ps []Process
	for _, e := range dir {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if p, ok := readStat(pid); ok {
			ps = append(ps, p)
		}
	}
	return ps
}

// readStat parses /proc/PID/stat: "pid (comm) state ppid pgrp session ...".
func readStat(pid int) (Process, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return Process{}, false
	}
	s := string(b)
	lp, rp := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if lp < 0 || rp < lp {
		return Process{}, false
	}
	f := strings.Fields(s[rp+1:])
	if len(f) < 4 {
		return Process{}, false
	}
	p := Process{Pid: pid, Comm: s[lp+1 : rp], State: f[0][0]}
	p.PPid, _ = strconv.Atoi(f[1])
	p.Pgid, _ = strconv.Atoi(f[2])
	p.Sid, _ = strconv.Atoi(f[3])
	return p, true
}

// countGroup returns the number of processes in group pgid.
func countGroup(pgid int) int {
	n := 0
	for _, p := range Processes() {
		if p.Pgid == pgid {
			n++
		}
	}
	return n
}

// Descendants returns the processes below pid in the process tree.
func Descendants(pid int) []Process {
	all := Processes()
	children := map[int][]Process{}
	for _, p := range all {
		children[p.PPid] = append(children[p.PPid], p)
	}
	var out []Process
	var walk func(int)
	walk = func(pid int) {
		for _, c := range children[pid] {
			out = append(out, c)
			walk(c.Pid)
		}
	}
	walk(pid)
	return out
}
