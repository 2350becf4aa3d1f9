package sandbox

import (
	"bytes"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// TestFiles puts data files in a sandbox and reads back what the program
// wrote: only regular files under /tmp, capped, never through a link
// that leads out, never waiting on a FIFO.
func TestFiles(t *testing.T) {
	script := `cat data/in.txt
mkdir -p out && tr a-z A-Z < data/in.txt > out/up.txt && chmod 600 out/up.txt
head -c 100 /dev/zero > big
ln -s /etc/passwd passwd
ln -s /tmp/out inside
mkfifo fifo
echo done`
	o := Options{
		Files:      []File{{Path: "data/in.txt", Data: []byte("hello\n")}},
		Collect:    []string{"out/up.txt", "big", "passwd", "inside/up.txt", "fifo", "missing", "../etc/passwd"},
		MaxCollect: 10,
	}
	out, r := runSh(t, script, o)
	if r.Exit != 0 || out != "hello\ndone\n" {
		t.Fatalf("result %+v; output:\n%s", r, out)
	}
	var got []string
	for _, f := range r.Files {
		got = append(got, f.Path+"="+strings.ReplaceAll(string(f.Data), "\x00", "0"))
	}
	want := []string{"out/up.txt=HELLO\n", "big=00000000000", "inside/up.txt=HELLO\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("collected %q, want %q", got, want)
	}
}

// TestBadDataPath: a data file may not leave the scratch directory.
func TestBadDataPath(t *testing.T) {
	for _, p := range []string{"../x", "/etc/x", "a/../../x", "", "."} {
		if _, err := Wrap(exec.Command("/bin/true"), Options{Files: []File{{Path: p}}}); err == nil {
			t.Errorf("data file %q accepted", p)
		}
	}
}

// TestSignalRelay: a signal sent through the box reaches the program's
// process group inside, even when sent before the program started.
func TestSignalRelay(t *testing.T) {
	if !Enabled() {
		t.Skipf("no sandbox here: %v", Why())
	}
	cmd := exec.Command("/bin/sh", "-c", "sleep 60")
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	b, err := Wrap(cmd, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := b.Start(); err != nil {
		t.Fatal(err)
	}
	if err := b.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	r, err := b.Result()
	if err != nil {
		t.Fatalf("%v; output:\n%s", err, out.String())
	}
	if r.Signal != syscall.SIGTERM.String() || r.Leftover != 0 {
		t.Errorf("after SIGTERM: %+v", r)
	}
	if b.Signal(syscall.SIGTERM) == nil {
		t.Error("a signal was sent after the run's result was read")
	}
}

// TestLargeCollect: files read back larger than a pipe's buffer come
// through the reports (which are read while the program's parent and
// the init still run).
func TestLargeCollect(t *testing.T) {
	const size = 1 << 20
	out, r := runSh(t, "head -c 1048576 /dev/zero > big; echo done", Options{Collect: []string{"big"}, MaxCollect: 2 * size})
	if r.Exit != 0 || len(r.Files) != 1 || len(r.Files[0].Data) != size {
		t.Fatalf("result exit %d, %d files; output:\n%s", r.Exit, len(r.Files), out)
	}
}

// TestCollectDir reads back the regular files of a directory, in name
// order and capped, never a link, a subdirectory or a directory that a
// link leads out of.
func TestCollectDir(t *testing.T) {
	script := `mkdir -p traces/sub && echo one > traces/1.trace && echo two > traces/2.trace
ln -s /etc/passwd traces/passwd && ln -s /etc out
echo done`
	o := Options{Collect: []string{"traces/", "out/", "missing/"}, MaxCollect: 100}
	out, r := runSh(t, script, o)
	if r.Exit != 0 || out != "done\n" {
		t.Fatalf("result %+v; output:\n%s", r, out)
	}
	var got []string
	for _, f := range r.Files {
		got = append(got, f.Path+"="+string(f.Data))
	}
	want := []string{"traces/1.trace=one\n", "traces/2.trace=two\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("collected %q, want %q", got, want)
	}
}
