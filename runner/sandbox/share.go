package sandbox

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
)

// A Share is one sandbox that several programs run in, such as a server
// and its clients: they see each other on the loopback interface of one
// network namespace, which no other run sees, so that a port a program
// chooses (8080) collides with nothing outside the Share.
//
// The first program wrapped with a Share (its host) creates the sandbox:
// its init also holds one end of a control socket, whose other end
// bingfa keeps, and shows the binaries of the programs that will join it
// read-only under /bingfa/1/, /bingfa/2/, ... Each later program wrapped
// with the Share (a guest) is started, on the host, as a stand-in
// process: the stand-in sends the init, over the control socket, its
// settings and its descriptors (standard input and output, the report,
// signal and data pipes, and one end of a socket pair of its own, the
// guest's lifeline), and the init starts the guest's parent with them in
// the sandbox. The guest then runs as a program of the host's would, as
// the same user, in the same file system (/tmp is shared), PID and IPC
// namespaces, under the run's cgroup, and reports on its own pipe; the
// stand-in waits until the lifeline closes, which it does when the
// guest's parent has ended.
//
// Killing the stand-in (a timeout, bingfa's end) closes the lifeline: the
// guest's parent then kills the guest's process group. A guest's
// leftovers are the processes of its group still there when it ended,
// killed then; one that left its group lives until the host's sandbox
// ends, when the kernel kills everything in it. A guest whose host's
// sandbox has ended (or never started) does not run, and its Result says
// so (Unavailable).
type Share struct {
	guests []string // the guests' binaries on the host, absolute

	mu      sync.Mutex
	hosted  bool
	ctl     *os.File // bingfa's end of the control socket
	initEnd *os.File // the init's end, until the host is wrapped
}

// NewShare returns a Share whose guests will run the given binaries
// (each guest's cmd.Path is one of them). Close it once its programs
// have ended.
func NewShare(guests ...string) (*Share, error) {
	sh := &Share{}
	for _, g := range guests {
		abs, err := filepath.Abs(g)
		if err != nil {
			return nil, err
		}
		sh.guests = append(sh.guests, abs)
	}
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_SEQPACKET|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("cannot make the share's control socket: %v", err)
	}
	sh.ctl = os.NewFile(uintptr(fds[0]), "share-control")
	sh.initEnd = os.NewFile(uintptr(fds[1]), "share-control-init")
	return sh, nil
}

// Close closes bingfa's ends of the control socket: no guest can join
// from now on, and the host's init stops listening.
func (sh *Share) Close() error {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.initEnd != nil {
		sh.initEnd.Close()
		sh.initEnd = nil
	}
	return sh.ctl.Close()
}

// hasHost reports whether the Share has its host: a Wrap with it makes a
// guest.
func (sh *Share) hasHost() bool {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.hosted
}

// host makes the next Wrap the host's, once: it returns the init's end of
// the control socket, or nil when the Share has its host.
func (sh *Share) host() *os.File {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.hosted {
		return nil
	}
	sh.hosted = true
	f := sh.initEnd
	sh.initEnd = nil // closed with the init's other descriptors once it started
	return f
}

// guestPath returns where the guest binary bin is inside: /bingfa/N/NAME
// for the Nth guest binary.
func (sh *Share) guestPath(bin string) (string, error) {
	i := slices.Index(sh.guests, bin)
	if i < 0 {
		return "", fmt.Errorf("%s is not a binary of the share's guests", bin)
	}
	return guestPath(i, bin), nil
}

func guestPath(i int, bin string) string {
	return binDir + "/" + strconv.Itoa(i+1) + "/" + filepath.Base(bin)
}

// guestAttr is a stand-in's: no namespaces, killed with bingfa.
func guestAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// wrapGuest sets cmd up as the stand-in of a guest of sh, with s the
// guest's settings so far and b its Box; the control socket is passed
// last.
func wrapGuest(cmd *exec.Cmd, sh *Share, s *settings, b *Box) error {
	path, err := sh.guestPath(s.Bin)
	if err != nil {
		return err
	}
	if s.Args[0] == binDir+"/"+filepath.Base(s.Bin) {
		s.Args[0] = path
	}
	s.Path, s.Join = path, true
	s.ControlFD = 3 + len(cmd.ExtraFiles) + len(b.parent)
	b.extra = []*os.File{sh.ctl}
	return nil
}

// standIn, in a guest's stand-in on the host, has the share's init start
// the guest's parent with this process's descriptors, and waits until
// the guest's parent has ended (its lifeline closes).
func standIn(s *settings) int {
	rep := os.NewFile(uintptr(s.ReportFD), "report")
	if !waitGo(s.GoFD) {
		return exitBadSettings
	}
	life, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		report(rep, Result{Exit: -1, Unavailable: "cannot make the guest's lifeline: " + err.Error()})
		return 0
	}
	ps := *s
	ps.Join, ps.Parent, ps.Guest, ps.GoFD, ps.ControlFD, ps.ReadyFD = false, true, true, 0, 0, 0
	fds := []int{0, 1, 2}
	for i := range s.Passed {
		fds = append(fds, 3+i)
	}
	ps.ReportFD, ps.SignalFD = len(fds), len(fds)+1
	fds = append(fds, s.ReportFD, s.SignalFD)
	if s.DataFD > 0 {
		ps.DataFD = len(fds)
		fds = append(fds, s.DataFD)
	}
	ps.LifeFD = len(fds)
	fds = append(fds, life[1])
	if err := sendJoin(s.ControlFD, encode(&ps), fds); err != nil {
		report(rep, Result{Exit: -1, Unavailable: "the shared sandbox has ended: " + err.Error()})
		return 0
	}
	// The guest's parent holds the report, signal and data pipes now.
	rep.Close()
	syscall.Close(life[1])
	var b [1]byte
	for {
		n, err := syscall.Read(life[0], b[:])
		if err == syscall.EINTR || (err == nil && n > 0) {
			continue
		}
		return 0
	}
}

// maxJoin bounds a guest's settings as sent on the control socket.
const maxJoin = 1 << 20

func sendJoin(ctl int, js []byte, fds []int) error {
	if len(js) > maxJoin {
		return errors.New("the guest's settings are too large")
	}
	for {
		err := syscall.Sendmsg(ctl, js, syscall.UnixRights(fds...), nil, 0)
		if err != syscall.EINTR {
			return err
		}
	}
}

// serveGuests, in the host's init, starts the parent of each guest whose
// settings and descriptors arrive on the control socket, until bingfa
// closes it. paths are the guests' binaries inside: a guest runs one of
// them.
func serveGuests(ctl int, paths []string) {
	buf := make([]byte, maxJoin+1)
	oob := make([]byte, syscall.CmsgSpace(64*4))
	for {
		n, oobn, flags, _, err := syscall.Recvmsg(ctl, buf, oob, syscall.MSG_CMSG_CLOEXEC)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n == 0 {
			syscall.Close(ctl)
			return
		}
		fds := rights(oob[:oobn])
		if flags&(syscall.MSG_TRUNC|syscall.MSG_CTRUNC) != 0 {
			closeAll(fds)
			continue
		}
		startGuest(buf[:n], fds, paths)
		closeAll(fds)
	}
}

// rights returns the descriptors passed in a control message.
func rights(oob []byte) []int {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	var fds []int
	for _, m := range msgs {
		if got, err := syscall.ParseUnixRights(&m); err == nil {
			fds = append(fds, got...)
		}
	}
	return fds
}

func closeAll(fds []int) {
	for _, fd := range fds {
		syscall.Close(fd)
	}
}

// startGuest starts a guest's parent, in the init, with the settings js
// and the descriptors fds in the places js names. A guest that cannot
// start is told so on its report pipe.
func startGuest(js []byte, fds []int, paths []string) {
	var s settings
	if err := decode(js, &s); err != nil || !s.Guest || s.LifeFD != len(fds)-1 ||
		s.ReportFD >= len(fds) || !slices.Contains(paths, s.Path) {
		return
	}
	files := make([]uintptr, len(fds))
	for i, fd := range fds {
		files[i] = uintptr(fd)
	}
	_, err := syscall.ForkExec("/proc/self/exe", []string{"bingfa-sandbox", "-test.run=^$"}, &syscall.ProcAttr{
		Dir: "/", Env: helperEnv(js), Files: files,
	})
	if err != nil {
		rep, err2 := syscall.Dup(fds[s.ReportFD])
		if err2 == nil {
			report(os.NewFile(uintptr(rep), "report"), Result{Exit: -1, Unavailable: "cannot start the guest's parent: " + err.Error()})
		}
	}
}

// watchLifeline, in a guest's parent, kills the program's group with
// SIGKILL when the lifeline closes before the program has been reaped:
// the stand-in was killed. Like the relay, it signals from a thread of
// its own with the program's user.
func watchLifeline(fd int, r *relay, root bool) {
	readAsUser(fd, root, nil, func() { r.send(syscall.SIGKILL) })
}

// killGroup, in a guest's parent once the program has been reaped, kills
// what is left of its process group and returns how many processes that
// was.
func killGroup(pgid int) int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if g, err := syscall.Getpgid(pid); err == nil && g == pgid && !zombie(pid) {
			n++
		}
	}
	_ = syscall.Kill(-pgid, syscall.SIGKILL)
	return n
}

// zombie reports whether process pid has ended and waits to be reaped.
func zombie(pid int) bool {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	// pid (comm) S ...: the state follows the last ')'.
	for i := len(data) - 1; i >= 0; i-- {
		if data[i] == ')' {
			return i+2 < len(data) && data[i+2] == 'Z'
		}
	}
	return false
}
