// Package report presents check results: as progress and messages on a
// terminal (or plain lines when not on one), as a JSON file, as a JUnit
// XML file (WriteJUnit) and as GitHub Actions workflow annotations
// (WriteAnnotations). JSON reports of several shards of a course merge
// into one (Merge), with the same summary line as one unsharded check.
package report

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
	"bingfa/runner/trace"
	"bingfa/runner/verdict"
)

// A Terminal reports progress and problems as lessons are checked. It
// implements check.Observer.
type Terminal struct {
	w       io.Writer
	live    bool // a terminal: keep a status line up to date
	color   bool
	light   bool // colours for a light background
	verbose bool
	times   bool // show durations (off for reproducible output)
	lang    msg.Lang
	// order is the course order of the lessons (WithOrder): a lesson's
	// lines wait in held until those of the lessons before it are out.
	order []*lesson.Lesson
	held  map[*lesson.Lesson]string
	next  int // the first lesson of order not yet written

	mu       sync.Mutex
	total    int
	done     int
	building int
	status   bool // a status line is on screen
}

// NewTerminal returns a reporter writing to w. live draws a status line
// (use it when w is a terminal); colour follows live unless NO_COLOR is
// set, for the background COLORFGBG tells (see ChooseColors; WithColors
// sets it otherwise); verbose prints every block with its engine and time.
func NewTerminal(w io.Writer, live, verbose bool) *Terminal {
	c, _ := chooseColors("auto", live, os.LookupEnv)
	return &Terminal{w: w, live: live, color: c.On, light: c.Light, verbose: verbose, times: true, lang: msg.En}
}

// WithOrder makes the report list lessons in the order of ls (the
// course's), whatever order their checks end in.
func (t *Terminal) WithOrder(ls []*lesson.Lesson) *Terminal {
	t.order, t.held = ls, map[*lesson.Lesson]string{}
	return t
}

// WithLang sets the language of the report (English by default): the
// course's, for a reader. Positions (path:line:) and the programs' text
// are kept; the runner's messages are translated (see msg.Lang.Report).
func (t *Terminal) WithLang(l msg.Lang) *Terminal {
	t.lang = l
	return t
}

// WithoutTimes turns durations off, for output compared in tests.
func (t *Terminal) WithoutTimes() *Terminal {
	t.times = false
	return t
}

// IsTerminal reports whether f is a terminal: one that answers the
// terminal's own requests (TCGETS), not merely a character device such
// as /dev/null.
func IsTerminal(f *os.File) bool {
	var t syscall.Termios
	return ioctl(f, syscall.TCGETS, unsafe.Pointer(&t)) == nil
}

// Width returns the width in columns of the terminal f (TIOCGWINSZ), or
// 0 when f is not a terminal or does not know its size.
func Width(f *os.File) int {
	var ws struct{ rows, cols, xpixel, ypixel uint16 }
	if ioctl(f, syscall.TIOCGWINSZ, unsafe.Pointer(&ws)) != nil {
		return 0
	}
	return int(ws.cols)
}

// ioctl makes the request req of f's descriptor with the argument arg.
func ioctl(f *os.File, req uint, arg unsafe.Pointer) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno syscall.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, uintptr(req), uintptr(arg))
	}); err != nil {
		return err
	}
	if errno != 0 {
		return errno
	}
	return nil
}

// Start implements check.Observer.
func (t *Terminal) Start(blocks int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.total = blocks
}

// Building implements check.Observer.
func (t *Terminal) Building(n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.building = n
	t.redraw()
	if !t.live && n > 0 {
		fmt.Fprintf(t.w, "%s\n", t.lang.T("report.building", t.lang.N("report.programs", n)))
	}
}

// BlockDone implements check.Observer.
func (t *Terminal) BlockDone(*check.Result) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.done++
	t.building = 0
	t.redraw()
}

// LessonDone implements check.Observer: a line for the lesson, then its
// problems and warnings.
func (t *Terminal) LessonDone(l *lesson.Lesson, rs []*check.Result) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clear()
	var b strings.Builder
	t.lessonLine(&b, l, rs)
	for _, r := range rs {
		if t.verbose {
			t.blockLine(&b, r)
		}
		var p strings.Builder
		WriteProblems(&p, r, Colors{On: t.color, Light: t.light})
		b.WriteString(t.lang.Report(p.String()))
	}
	t.write(l, b.String())
	t.redraw()
}

// write writes the lines of lesson l, in course order when there is one:
// held until the lessons before it are written.
func (t *Terminal) write(l *lesson.Lesson, s string) {
	if t.order == nil || !slices.Contains(t.order, l) {
		io.WriteString(t.w, s)
		return
	}
	t.held[l] = s
	for t.next < len(t.order) {
		s, ok := t.held[t.order[t.next]]
		if !ok {
			return
		}
		io.WriteString(t.w, s)
		delete(t.held, t.order[t.next])
		t.next++
	}
}

// Broken implements check.BrokenObserver: a line for each lesson that
// could not be parsed, then its errors, each starting with "path:line:".
func (t *Terminal) Broken(errs lesson.ErrorList) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clear()
	var b strings.Builder
	rep := check.Report{Broken: errs}
	for _, path := range rep.BrokenLessons() {
		var mine []*lesson.Error
		for _, e := range errs {
			if e.Path == path {
				mine = append(mine, e)
			}
		}
		fmt.Fprintf(&b, "%s %s  %s\n", t.paint(t.lang.T("report.fail"), red), path, t.lang.T("report.notchecked", t.lang.N("report.errors", len(mine))))
		for _, e := range mine {
			b.WriteString(indentRest(Printable(e.Error())) + "\n")
		}
	}
	io.WriteString(t.w, b.String())
	t.redraw()
}

func (t *Terminal) lessonLine(b *strings.Builder, l *lesson.Lesson, rs []*check.Result) {
	failed, stopped := 0, 0
	var took time.Duration
	for _, r := range rs {
		switch r.Status {
		case verdict.Fail:
			failed++
		case verdict.Stopped:
			stopped++
		}
		took += r.Ran()
	}
	mark := t.paint(t.lang.T("report.pass"), green)
	switch {
	case failed > 0:
		mark = t.paint(t.lang.T("report.fail"), red)
	case stopped > 0:
		mark = t.paint(t.lang.T("report.stop"), yellow)
	}
	fmt.Fprintf(b, "%s %s  %s", mark, l.Path, t.lang.N("report.blocks", len(rs)))
	if failed > 0 {
		b.WriteString(t.lang.T("report.failed", failed))
	}
	if stopped > 0 {
		b.WriteString(t.lang.T("report.stopped", stopped))
	}
	if t.times {
		fmt.Fprintf(b, "  %s", round(took))
	}
	b.WriteByte('\n')
}

func (t *Terminal) blockLine(b *strings.Builder, r *check.Result) {
	fmt.Fprintf(b, "    %-4s %s", t.lang.T("report.v."+r.Status.String()), r.Block.Name)
	if r.Engine != "" {
		fmt.Fprintf(b, "  %s", r.Engine)
	}
	if t.times && len(r.Runs) > 0 {
		fmt.Fprintf(b, "  %s", round(r.Ran()))
	}
	if why := r.Why.String(); why != "" {
		fmt.Fprintf(b, "  (%s)", t.lang.Why(why))
	}
	b.WriteByte('\n')
	// A traced run's picture and facts: with times only, since they are
	// times (reports compared in tests leave them out).
	if t.times && len(r.Runs) > 0 && len(r.Runs[0].Traces) > 0 {
		for _, line := range strings.Split(strings.TrimSuffix(trace.Summary(r.Runs[0].Traces, string(t.lang)), "\n"), "\n") {
			fmt.Fprintf(b, "         %s\n", Printable(line))
		}
	}
}

// Summary writes the final line: "N passed, M failed[, K skipped][, J
// stopped]".
func (t *Terminal) Summary(rep *check.Report) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.clear()
	for _, l := range t.order { // lessons held behind one that never ended
		if s, ok := t.held[l]; ok {
			io.WriteString(t.w, s)
			delete(t.held, l)
		}
	}
	p, f, s := rep.Counts()
	fmt.Fprintln(t.w, summary(counts{p, f, s, rep.Stopped()}, t.lang))
}

// counts are the numbers of a summary line.
type counts struct{ passed, failed, skipped, stopped int }

// summary returns the summary line in language lang: "N passed, M
// failed", with ", K skipped" and ", J stopped" when some were.
func summary(c counts, lang msg.Lang) string {
	line := lang.T("report.summary", c.passed, c.failed)
	if c.skipped > 0 {
		line += lang.T("report.skipped", c.skipped)
	}
	if c.stopped > 0 {
		line += lang.T("report.stopped", c.stopped)
	}
	return line
}

// redraw draws the status line: the live counter.
func (t *Terminal) redraw() {
	if !t.live {
		return
	}
	line := t.lang.T("report.checking", t.done, t.total)
	if t.building > 0 {
		line = t.lang.T("report.progress", t.done, t.total, t.lang.N("report.programs", t.building))
	}
	fmt.Fprintf(t.w, "\r\033[K%s", line)
	t.status = true
}

// clear removes the status line.
func (t *Terminal) clear() {
	if t.status {
		io.WriteString(t.w, "\r\033[K")
		t.status = false
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	case d > time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d
}
