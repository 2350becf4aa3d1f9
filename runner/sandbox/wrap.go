package sandbox

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"bingfa/internal/spawn"
)

// initEnv holds the settings of a process started as the sandbox's init.
const initEnv = "BINGFA_SANDBOX_INIT"

// Dir is the run's scratch directory as the program sees it: its working
// directory, TMPDIR and HOME.
const Dir = "/tmp"

// binDir is where the program's binary is mounted inside.
const binDir = "/bingfa"

// Options are a run's settings that the sandbox enforces.
type Options struct {
	HostNet   bool  // share the host's network instead of loopback only
	MaxMemory int64 // RLIMIT_AS of each process, bytes; 0 for none
	// RunMemory caps the memory of the run as a whole, where a cgroup
	// can be made (see newCgroup); 0 for none.
	RunMemory int64
	MaxTasks  int           // processes and threads of the run; 0 for any
	CPU       time.Duration // RLIMIT_CPU of each process; 0 for none
	// Files are put in Dir before the program starts, written as the
	// program's user.
	Files []File
	// Collect are the paths, relative to Dir, of the files to read back
	// once the program has ended (Result.Files), each up to MaxCollect
	// bytes and one more; a path ending in "/" is a directory, whose
	// files (up to MaxDirFiles) are read back.
	Collect    []string
	MaxCollect int64
	// Show are host directories shown read-only inside at their own
	// paths (an interpreter's installation, which a script run with it
	// needs); those under the system directories, which are shown anyway,
	// are left out. A program whose binary is under one of them runs
	// from there, at its own path, not from /bingfa.
	Show []string
	// ReadyPort, with OnReady, asks to be told when a TCP socket of the
	// sandbox listens on that port: OnReady is then called, once, from
	// another goroutine (see port.go). Not for a Share's guests.
	ReadyPort int
	OnReady   func()
	// Share, when not nil, runs the program in a sandbox shared with
	// others (see Share): the first program wrapped with it creates the
	// sandbox, with these Options; each later one joins it, and only its
	// Files, Collect and per-process limits apply.
	Share *Share
}

// settings are what the init is told, encoded (codec.go) in initEnv.
type settings struct {
	Path       string // the program's binary inside
	Args       []string
	Env        []string
	Passed     int    // descriptors 3.. passed on to the program
	Bin        string // the program's binary on the host
	ReportFD   int    // where the init writes its Result
	HostNet    bool
	MaxMemory  int64
	MaxTasks   int
	CPU        int64 // seconds
	GoFD       int   // the init waits for a byte here before it starts
	SignalFD   int   // signals for the program's group (see relay)
	DataFD     int   // the data files (see dataFile); 0 for none
	ReadyFD    int   // where to say that ReadyPort listens; 0 for none
	ReadyPort  int
	Collect    []string
	MaxCollect int64
	Root       bool // bingfa runs as root: see attr
	Probe      bool // set everything up, run nothing
	Parent     bool // the role of the program's parent, not the init
	Launch     bool // the role of the launcher: set the limits, then exec the program
	Show       []string
	InPlace    bool // the binary is under a directory of Show: run at its own path
	// A Share's (see share.go): the host's init listens on ControlFD and
	// shows GuestBins at Guests; Join is a guest's stand-in's role, Guest
	// its parent's, which watches LifeFD.
	ControlFD int
	Guests    []string
	GuestBins []string
	Join      bool
	Guest     bool
	LifeFD    int

	binFD    int   // in the init: the program's binary, opened
	showFDs  []int // in the init: the directories of Show, opened
	guestFDs []int // in the init: the guests' binaries, opened
}

// A Result is what the init reports about the program.
type Result struct {
	Exit        int    // exit status, or -1 when killed by a signal
	Signal      string // the signal that ended it
	CPU         time.Duration
	Leftover    int    // processes still in the namespace when it ended
	Files       []File // the files of Options.Collect that could be read
	Unavailable string // why the sandbox could not be set up
}

// A Box is one program's sandbox: the init's command, to be started with
// Start and read with Result once it has ended.
type Box struct {
	cmd    *exec.Cmd
	report *os.File // read end of the init's report pipe
	goW    *os.File // write end of the init's go-ahead pipe
	parent []*os.File
	extra  []*os.File // passed to the init after parent, but kept open
	readyR *os.File   // read end of the ready pipe (see port.go); nil for none
	cg     *cgroup    // nil where bingfa may not make cgroups
	o      Options

	sigMu sync.Mutex
	sigW  *os.File // write end of the signal pipe (see relay); nil after Result

	reportData <-chan []byte // the report, read from Start on (see readReport)

	memoryHit, tasksHit bool // see Limits
}

// hostUser is the host uid and gid the sandbox maps to 0 inside when
// bingfa runs as root: nobody.
const hostUser = 65534

// Wrap turns cmd, a program to run with its working directory in its
// scratch directory (Dir, a tmpfs of its own), into the command of a
// sandbox's init that runs it. cmd.Path must be the program's binary;
// cmd.Dir and cmd.Env must use Dir for the scratch directory;
// cmd.ExtraFiles are passed on. Stdout and Stderr may be set after Wrap.
// Start the result with Box.Start. With o.Share, the command is the
// sandbox's init for the Share's first program, and a stand-in that has
// that init run the program for each later one (see Share).
func Wrap(cmd *exec.Cmd, o Options) (_ *Box, err error) {
	self, err := initExecutable()
	if err != nil {
		return nil, err
	}
	bin, err := filepath.Abs(cmd.Path)
	if err != nil {
		return nil, err
	}
	b := &Box{cmd: cmd, o: o}
	defer func() {
		if err != nil {
			b.closeParent()
			for _, f := range []*os.File{b.report, b.goW, b.sigW, b.readyR} {
				f.Close() // nil for a pipe not made
			}
		}
	}()
	// The init's report, go-ahead and signal pipes: the init's ends are
	// its first descriptors after cmd's.
	var repW, goR, sigR *os.File
	if b.report, repW, err = os.Pipe(); err != nil {
		return nil, err
	}
	b.parent = append(b.parent, repW)
	if goR, b.goW, err = os.Pipe(); err != nil {
		return nil, err
	}
	b.parent = append(b.parent, goR)
	if sigR, b.sigW, err = os.Pipe(); err != nil {
		return nil, err
	}
	b.parent = append(b.parent, sigR)
	if len(o.Files) > 0 {
		data, err := dataFile(o.Files)
		if err != nil {
			return nil, err
		}
		b.parent = append(b.parent, data)
	}
	root := os.Geteuid() == 0
	n := len(cmd.ExtraFiles)
	s := settings{
		Path: binDir + "/" + filepath.Base(bin), Args: append([]string(nil), cmd.Args...),
		Env: dedupEnv(cmd.Env), Passed: n, Bin: bin, ReportFD: 3 + n,
		HostNet: o.HostNet, MaxMemory: o.MaxMemory, Root: root,
		MaxTasks: o.MaxTasks, CPU: int64((o.CPU + time.Second - 1) / time.Second), GoFD: 4 + n,
		SignalFD: 5 + n, Collect: o.Collect, MaxCollect: o.MaxCollect,
	}
	if len(o.Files) > 0 {
		s.DataFD = 6 + n
	}
	s.Show = shown(o.Show)
	if under(bin, cleanAll(o.Show)) {
		s.Path, s.InPlace = bin, true
	}
	if o.Share == nil || !o.Share.hasHost() {
		if err := b.readyPipe(o); err != nil {
			return nil, err
		}
		if b.readyR != nil {
			s.ReadyFD, s.ReadyPort = 2+n+len(b.parent), o.ReadyPort
		}
	}
	// os.Args[0] is the name cmd gives the program, unless that is the
	// binary's path on the host, which the program shall not see.
	if len(s.Args) == 0 || s.Args[0] == cmd.Path || s.Args[0] == bin {
		s.Args = append([]string{s.Path}, s.Args[min(1, len(s.Args)):]...)
	}
	guest := false
	if o.Share != nil {
		err = b.share(cmd, o.Share, &s)
		guest = s.Join
	}
	if err != nil {
		return nil, err
	}
	js := encode(&s)
	if (o.RunMemory > 0 || o.MaxTasks > 0) && !guest {
		b.cg = newCgroup(o.RunMemory, o.MaxTasks)
	}
	cmd.Path = self
	cmd.Args = []string{"bingfa-sandbox", "-test.run=^$"}
	cmd.Env = helperEnv(js)
	cmd.Dir = "/"
	cmd.ExtraFiles = append(append(append([]*os.File(nil), cmd.ExtraFiles...), b.parent...), b.extra...)
	cmd.SysProcAttr = attr(o.HostNet, root)
	if guest {
		cmd.SysProcAttr = guestAttr()
	}
	return b, nil
}

// share makes b the host of sh, or one of its guests (see Share).
func (b *Box) share(cmd *exec.Cmd, sh *Share, s *settings) error {
	ctl := sh.host()
	if ctl == nil {
		return wrapGuest(cmd, sh, s, b)
	}
	b.parent = append(b.parent, ctl)
	s.ControlFD = 2 + len(cmd.ExtraFiles) + len(b.parent)
	s.GuestBins = sh.guests
	for i, g := range sh.guests {
		s.Guests = append(s.Guests, guestPath(i, g))
	}
	return nil
}

// Capabilities (linux/capability.h) the init keeps when bingfa is root.
const (
	capSetgid   = 6
	capSetuid   = 7
	capSetpcap  = 8
	capNetAdmin = 12
	capSysAdmin = 21
)

// attr returns the namespaces, maps and parent-death signal of an init.
//
// As an ordinary user, the user is 0 inside, and the init, started as 0,
// has every capability of its user namespace. As root, two ids are
// mapped: 0 inside is nobody outside (the program's), and 1 inside is
// root outside: the init, which keeps the capabilities it needs as
// ambient ones, so that it can reach the program's binary in directories
// only root may enter; the program's parent
// then becomes 0 (nobody) before it starts the program.
func attr(hostNet, root bool) *syscall.SysProcAttr {
	flags := uintptr(syscall.CLONE_NEWUSER | syscall.CLONE_NEWPID | syscall.CLONE_NEWNS | syscall.CLONE_NEWIPC)
	if !hostNet {
		flags |= syscall.CLONE_NEWNET
	}
	a := &syscall.SysProcAttr{Cloneflags: flags, Pdeathsig: syscall.SIGKILL}
	if !root {
		a.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}}
		a.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}}
		return a
	}
	a.UidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: hostUser, Size: 1}, {ContainerID: 1, HostID: 0, Size: 1}}
	a.GidMappings = []syscall.SysProcIDMap{{ContainerID: 0, HostID: hostUser, Size: 1}, {ContainerID: 1, HostID: 0, Size: 1}}
	a.GidMappingsEnableSetgroups = true
	a.AmbientCaps = []uintptr{capSetgid, capSetuid, capSetpcap, capNetAdmin, capSysAdmin}
	return a
}

// openPath opens a file or directory for reference only (O_PATH).
func openPath(path string) (*os.File, error) {
	fd, err := syscall.Open(path, oPath|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// Start starts the init from the thread that starts every child meant to
// die with this process (package internal/spawn), and closes this
// process's copies of the init's descriptors.
//
// The init waits until the process is in the run's cgroup, if there is
// one, so that everything it starts is counted.
func (b *Box) Start() error {
	err := spawn.Do(b.cmd.Start)
	b.closeParent()
	if err != nil {
		if b.readyR != nil {
			b.readyR.Close()
		}
		b.report.Close()
		b.goW.Close()
		b.closeSignals()
		if b.cg != nil {
			b.cg.remove()
		}
		return err
	}
	if b.cg != nil {
		if err := b.cg.add(b.cmd.Process.Pid); err != nil {
			b.cg.remove()
			b.cg = nil
		}
	}
	b.reportData = readReport(b.report, reportLimit(b.o.Collect, b.o.MaxCollect))
	b.awaitReady()
	_, _ = b.goW.Write([]byte{'g'})
	b.goW.Close()
	return nil
}

// closeSignals closes the signal pipe: Signal fails from now on.
func (b *Box) closeSignals() {
	b.sigMu.Lock()
	defer b.sigMu.Unlock()
	if b.sigW != nil {
		b.sigW.Close()
		b.sigW = nil
	}
}

func (b *Box) closeParent() {
	for _, f := range b.parent {
		f.Close()
	}
	b.parent = nil
}

// maxResult bounds what is read from the report pipe.
const maxResult = 4 << 10

// Result reads the init's report, once the init has ended, and removes
// the run's cgroup. It returns an error when there is none: the init was
// killed (a timeout, say) or did not start as an init; the cgroup's
// limits are then not reported.
func (b *Box) Result() (*Result, error) {
	b.closeSignals()
	if b.cg != nil {
		b.memoryHit, b.tasksHit = b.cg.limits()
		defer b.cg.remove()
	}
	if b.reportData == nil {
		return nil, errNotStarted
	}
	data := <-b.reportData
	if len(data) == 0 {
		return nil, errNoReport
	}
	var r Result
	if err := decode(data, &r); err != nil {
		return nil, fmt.Errorf("bad report from the sandbox's init: %v", err)
	}
	return &r, nil
}

var (
	errNoReport   = errors.New("the sandbox's init ended without a report")
	errNotStarted = errors.New("the sandbox's init was not started")
)

// oPath is O_PATH (linux/fcntl.h), which package syscall does not define.
const oPath = 0x200000

// dedupEnv keeps the last of the variables set more than once, as
// os/exec does: the program's exec is not os/exec's.
func dedupEnv(env []string) []string {
	last := map[string]int{}
	for i, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		last[k] = i
	}
	var out []string
	for i, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if last[k] == i {
			out = append(out, kv)
		}
	}
	return out
}

// RunMemory returns the memory cap of the run as a whole, 0 when it has
// none (no cgroup).
func (b *Box) RunMemory() int64 {
	if b.cg == nil {
		return 0
	}
	return b.o.RunMemory
}

// MaxTasks returns the cap on the run's processes and threads.
func (b *Box) MaxTasks() int { return b.o.MaxTasks }

// Limits reports, once Result has been called, whether the run reached
// its memory cap (see cgroup.limits) or its cap on processes and threads;
// known only where the run had a cgroup, and even when the init was
// killed (a time limit reached while thrashing at the memory cap, say).
func (b *Box) Limits() (memory, tasks bool) { return b.memoryHit, b.tasksHit }
