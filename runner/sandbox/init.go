package sandbox

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"
	"time"
)

// MaybeInit turns the process into a sandbox's init when it was started
// as one, and then never returns. Otherwise it returns at once. Call it
// first thing in main (yaegi.MaybeWorker does).
func MaybeInit() {
	js, ok := os.LookupEnv(initEnv)
	if !ok {
		return
	}
	os.Exit(runInit(js))
}

// Exit statuses of an init that could not report.
const (
	exitBadSettings = 125
	exitUnavailable = 126
)

// runInit is the init or, started by it, the program's parent.
func runInit(js string) int {
	var s settings
	if err := decode([]byte(js), &s); err != nil {
		fmt.Fprintln(os.Stderr, "bingfa sandbox: bad settings:", err)
		return exitBadSettings
	}
	if s.Launch {
		return launch(&s)
	}
	if s.Join {
		return standIn(&s)
	}
	if s.Parent {
		absorbSignals()
	} else {
		ignoreSignals()
	}
	rep := os.NewFile(uintptr(s.ReportFD), "report")
	syscall.CloseOnExec(s.ReportFD)
	// The signal pipe and the data files are passed on by descriptor
	// maps only (the program gets neither).
	syscall.CloseOnExec(s.SignalFD)
	for _, fd := range []int{s.DataFD, s.ControlFD, s.LifeFD, s.ReadyFD} {
		if fd > 0 {
			syscall.CloseOnExec(fd)
		}
	}
	if !s.Parent {
		syscall.CloseOnExec(s.GoFD)
		if !waitGo(s.GoFD) {
			return exitBadSettings // bingfa is gone
		}
	}
	if s.Parent {
		r, err := runProgram(&s)
		if err != nil {
			r = Result{Exit: -1, Unavailable: err.Error()}
		}
		report(rep, r)
		return 0
	}
	if err := setup(&s); err != nil {
		report(rep, Result{Exit: -1, Unavailable: err.Error()})
		return exitUnavailable
	}
	if s.Probe {
		report(rep, Result{})
		return 0
	}
	report(rep, superviseParent(&s))
	return 0
}

// absorbed are the signals that a program may send the init and the
// program's parent and that must not end them (only SIGKILL from outside
// does).
var absorbed = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// absorbSignals makes the program's parent outlive the absorbed signals.
// They are caught, not ignored: an ignored signal would stay ignored in
// the program, while a caught one is reset to its default when the
// program is executed.
func absorbSignals() {
	c := make(chan os.Signal, 8)
	signal.Notify(c, absorbed...)
	go func() {
		for range c {
		}
	}()
}

// ignoreSignals makes the init outlive the absorbed signals. It ignores
// them, which costs no goroutine nor thread, unlike catching them (three
// threads in a process that has a few): the program's parent, which
// inherits them ignored, catches them (absorbSignals) before it starts
// the program, so the program gets them at their default all the same.
func ignoreSignals() { signal.Ignore(absorbed...) }

// waitGo waits for bingfa's go-ahead (see Box.Start).
func waitGo(fd int) bool {
	var b [1]byte
	for {
		n, err := syscall.Read(fd, b[:])
		if err == syscall.EINTR {
			continue
		}
		syscall.Close(fd)
		return n == 1
	}
}

// setup builds the file system and brings up the loopback interface.
func setup(s *settings) error {
	if err := buildRoot(s); err != nil {
		return err
	}
	if !s.HostNet {
		if err := loopbackUp(); err != nil {
			return fmt.Errorf("cannot bring up the loopback interface: %v", err)
		}
	}
	return nil
}

func report(f *os.File, r Result) {
	_, _ = f.Write(encode(&r))
	f.Close()
}

// superviseParent starts the program's parent (this executable again),
// reaps every process of the namespace until the parent has ended, then
// counts the processes left and returns the parent's report with that
// count.
func superviseParent(s *settings) Result {
	repR, repW, err := os.Pipe()
	if err != nil {
		return Result{Exit: -1, Unavailable: err.Error()}
	}
	ps := *s
	ps.Parent, ps.ReportFD, ps.SignalFD = true, 3+s.Passed, 4+s.Passed
	ps.ControlFD, ps.Guests, ps.GuestBins = 0, nil, nil
	files := []uintptr{0, 1, 2}
	for i := range s.Passed {
		files = append(files, uintptr(3+i))
	}
	files = append(files, repW.Fd(), uintptr(s.SignalFD))
	if s.DataFD > 0 {
		ps.DataFD = 5 + s.Passed
		files = append(files, uintptr(s.DataFD))
	}
	if s.ReadyFD > 0 {
		ps.ReadyFD = len(files)
		files = append(files, uintptr(s.ReadyFD))
	}
	pid, err := syscall.ForkExec("/proc/self/exe", []string{"bingfa-sandbox", "-test.run=^$"}, &syscall.ProcAttr{
		Dir: "/", Env: helperEnv(encode(&ps)), Files: files,
	})
	repW.Close()
	if err != nil {
		repR.Close()
		return Result{Exit: -1, Unavailable: "cannot start the program's parent: " + err.Error()}
	}
	for i := range s.Passed {
		syscall.Close(3 + i)
	}
	syscall.Close(s.SignalFD)
	if s.DataFD > 0 {
		syscall.Close(s.DataFD)
	}
	if s.ReadyFD > 0 {
		syscall.Close(s.ReadyFD)
	}
	if s.ControlFD > 0 {
		go serveGuests(s.ControlFD, s.Guests)
	}
	data := readReport(repR, reportLimit(s.Collect, s.MaxCollect))
	reapUntil(pid)
	var r Result
	if err := decode(<-data, &r); err != nil {
		return Result{Exit: -1, Unavailable: "the program's parent ended without a report"}
	}
	r.Leftover = leftovers()
	return r
}

// leftovers counts the processes the program left running. Processes
// killed with the program's group may still be on their way out, or
// zombies reparented to the init after the parent ended: it reaps them,
// for up to a second, before it counts; only a run that really left
// something behind waits that long.
func leftovers() int {
	deadline := time.Now().Add(time.Second)
	for {
		reapEnded()
		n := others()
		if n == 0 || time.Now().After(deadline) {
			return n
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// reapEnded reaps every child of the init that has ended, without
// waiting.
func reapEnded() {
	for {
		pid, err := syscall.Wait4(-1, nil, syscall.WNOHANG, nil)
		if pid <= 0 || err != nil {
			return
		}
	}
}

// readReport reads a report from f, up to max bytes, in a goroutine, and
// closes f: a report larger than a pipe's buffer (files read back) is
// read while its writer runs, so that the writer never waits on its
// reader. What comes after max bytes is read and dropped.
func readReport(f *os.File, max int64) <-chan []byte {
	c := make(chan []byte, 1)
	go func() {
		defer f.Close()
		data, _ := io.ReadAll(io.LimitReader(f, max))
		_, _ = io.Copy(io.Discard, f)
		c <- data
	}()
	return c
}

// reapUntil reaps processes until pid has ended.
func reapUntil(pid int) {
	for {
		var ws syscall.WaitStatus
		got, err := syscall.Wait4(-1, &ws, 0, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || got == pid {
			return
		}
	}
}

// launch, in the launcher, sets the program's resource limits on this
// process and replaces it by the program (exec keeps the limits).
func launch(s *settings) int {
	if err := setLimits(s, 0); err != nil {
		fmt.Fprintln(os.Stderr, "bingfa sandbox:", err)
		return exitUnavailable
	}
	err := syscall.Exec(s.Path, s.Args, s.Env)
	fmt.Fprintln(os.Stderr, "bingfa sandbox: cannot start the program:", err)
	return 127
}

// runProgram, in the program's parent, starts the program with no
// capabilities and waits for it.
func runProgram(s *settings) (Result, error) {
	runtime.LockOSThread() // capabilities and no_new_privs are the thread's
	if err := dropPrivileges(s.Root); err != nil {
		return Result{}, fmt.Errorf("cannot drop privileges: %v", err)
	}
	if s.DataFD > 0 {
		if err := writeData(s.DataFD); err != nil {
			return Result{}, err
		}
	}
	// Standard input is the init's: the command's Stdin, or /dev/null of
	// the host, opened by os/exec when it has none.
	files := []uintptr{0, 1, 2}
	for i := range s.Passed {
		files = append(files, uintptr(3+i))
	}
	// The program is started traced, so that its limits are set on it
	// alone before it runs (see traced.go), or else by a launcher.
	traced := true
	pid, err := startTraced(s, files)
	if err != nil {
		traced = false
		pid, err = startLauncher(s, files)
	}
	if err != nil {
		return Result{}, fmt.Errorf("cannot start the program: %v", err)
	}
	for i := range s.Passed {
		syscall.Close(3 + i)
	}
	var limitErr error
	if traced {
		if limitErr = awaitExec(pid, s); limitErr != nil {
			fmt.Fprintln(os.Stderr, "bingfa sandbox:", limitErr)
		}
	}
	var sigs relay
	sigs.start(s.SignalFD, pid, s.Root)
	if s.Guest {
		watchLifeline(s.LifeFD, &sigs, s.Root)
	}
	ended := make(chan struct{})
	defer close(ended)
	if s.ReadyFD > 0 {
		watchPort(s.ReadyFD, s.ReadyPort, ended)
	}
	for {
		var ws syscall.WaitStatus
		var ru syscall.Rusage
		_, err := syscall.Wait4(pid, &ws, 0, &ru)
		if err == syscall.EINTR {
			continue
		}
		sigs.end()
		if err != nil {
			return Result{}, fmt.Errorf("lost the program: %v", err)
		}
		r := exited(ws, &ru)
		if limitErr != nil { // as the launcher would have reported it
			r.Exit, r.Signal = exitUnavailable, ""
		}
		if s.Guest {
			r.Leftover = killGroup(pid)
		}
		r.Files = collectFiles(s.Collect, s.MaxCollect)
		return r, nil
	}
}

// exited is the Result of a program that ended with status ws, having
// used ru.
func exited(ws syscall.WaitStatus, ru *syscall.Rusage) Result {
	r := Result{Exit: ws.ExitStatus(), CPU: time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
	if ws.Signaled() {
		r.Exit, r.Signal = -1, ws.Signal().String()
	}
	return r
}

// startLauncher starts the launcher (this executable again), which sets
// the resource limits on itself and then becomes the program: limits set
// in the program's parent would cap it too.
func startLauncher(s *settings, files []uintptr) (int, error) {
	ls := settings{Launch: true, Path: s.Path, Args: s.Args, Env: s.Env, MaxMemory: s.MaxMemory, MaxTasks: s.MaxTasks, CPU: s.CPU}
	return syscall.ForkExec("/proc/self/exe", []string{"bingfa-sandbox-launch"}, &syscall.ProcAttr{
		Dir: Dir, Env: helperEnv(encode(&ls)), Files: files,
		Sys: &syscall.SysProcAttr{Setpgid: true},
	})
}

// others counts the processes in the namespace other than the init.
func others() int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil && pid != 1 {
			n++
		}
	}
	return n
}

// rlimitNproc is RLIMIT_NPROC (asm-generic/resource.h).
const rlimitNproc = 6

// setLimits sets the program's resource limits, each no higher than the
// hard limit already in place (lowering is always allowed; raising is
// not). RLIMIT_NPROC counts the tasks of the program's user in its own
// user namespace: the run's, not the host user's.
func setLimits(s *settings, pid int) error {
	limits := []struct {
		res  int
		max  int64
		name string
	}{
		{syscall.RLIMIT_AS, s.MaxMemory, "memory"},
		{rlimitNproc, int64(s.MaxTasks), "processes"},
		{syscall.RLIMIT_CPU, s.CPU, "CPU time"},
	}
	for _, l := range limits {
		if l.max <= 0 {
			continue
		}
		if err := lower(pid, l.res, uint64(l.max)); err != nil {
			return fmt.Errorf("cannot limit %s: %v", l.name, err)
		}
	}
	return nil
}

// lower sets resource res of process pid (0: this one) to at most max,
// soft and hard, never above the hard limit already in place.
func lower(pid, res int, max uint64) error {
	var old syscall.Rlimit
	if err := prlimit(pid, res, nil, &old); err != nil {
		return err
	}
	lim := syscall.Rlimit{Cur: min(max, old.Max), Max: min(max, old.Max)}
	return prlimit(pid, res, &lim, nil)
}
