package sandbox

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// A server that prints nothing when it is ready (http.ListenAndServe) is
// ready once it listens on its port (Options.ReadyPort). The program's
// parent, in the sandbox's network namespace, watches the namespace's
// listening sockets and writes a byte on a pipe when the port is among
// them; bingfa then calls Options.OnReady. Nothing connects to the port
// to find out: a connection would be one more client to the server.

// Listening reports whether a TCP socket listens on port of this
// process's network namespace (any address, IPv4 or IPv6), as
// /proc/net/tcp and /proc/net/tcp6 show.
func Listening(port int) bool {
	for _, f := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		if listensIn(f, port) {
			return true
		}
	}
	return false
}

// tcpListen is the state of a listening socket in /proc/net/tcp.
const tcpListen = "0A"

// listensIn reads a /proc/net/tcp table: "sl local_address rem_address
// st ...", the local address ending in ":PORT" in hex.
func listensIn(path string, port int) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	want := ":" + strings.ToUpper(strconv.FormatInt(int64(port), 16))
	for len(want) < 5 {
		want = ":0" + want[1:]
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) > 3 && strings.HasSuffix(fields[1], want) && fields[3] == tcpListen {
			return true
		}
	}
	return false
}

// portPoll is how often the program's parent looks for the port.
const portPoll = 10 * time.Millisecond

// watchPort, in the program's parent, writes a byte on fd once port
// listens, and closes fd; it gives up when ended is closed.
func watchPort(fd, port int, ended <-chan struct{}) {
	go func() {
		defer syscall.Close(fd)
		t := time.NewTicker(portPoll)
		defer t.Stop()
		for !Listening(port) {
			select {
			case <-ended:
				return
			case <-t.C:
			}
		}
		_, _ = syscall.Write(fd, []byte{'r'})
	}()
}

// readyPipe makes the pipe on which the program's parent says that
// o.ReadyPort listens, when o asks to be told.
func (b *Box) readyPipe(o Options) error {
	if o.ReadyPort <= 0 || o.OnReady == nil {
		return nil
	}
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	b.readyR = r
	b.parent = append(b.parent, w)
	return nil
}

// awaitReady calls o.OnReady once the program's parent says so.
func (b *Box) awaitReady() {
	if b.readyR == nil {
		return
	}
	go func() {
		defer b.readyR.Close()
		var buf [1]byte
		if n, _ := b.readyR.Read(buf[:]); n == 1 {
			b.o.OnReady()
		}
	}()
}
