package report

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"unsafe"
)

// TestIsTerminal: /dev/null is a character device, not a terminal, and
// neither is a pipe; a report written to either has no status line and
// no colour, and neither has a width. A pseudo-terminal is a terminal,
// as wide as it was set to be.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if IsTerminal(null) || Width(null) != 0 {
		t.Errorf("%s is taken for a terminal (width %d)", os.DevNull, Width(null))
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) || Width(w) != 0 {
		t.Errorf("a pipe is taken for a terminal (width %d)", Width(w))
	}
	pty := openPTY(t)
	ws := struct{ rows, cols, xpixel, ypixel uint16 }{rows: 24, cols: 57}
	if err := ioctl(pty, syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		t.Fatal(err)
	}
	if !IsTerminal(pty) {
		t.Errorf("a pseudo-terminal is not taken for a terminal")
	}
	if got := Width(pty); got != 57 {
		t.Errorf("Width of a pseudo-terminal of 57 columns = %d", got)
	}
}

// openPTY opens the terminal end of a new pseudo-terminal.
func openPTY(t *testing.T) *os.File {
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { ptmx.Close() })
	var unlock int32
	if err := ioctl(ptmx, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Fatal(err)
	}
	var n uint32
	if err := ioctl(ptmx, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Fatal(err)
	}
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pts.Close() })
	return pts
}
