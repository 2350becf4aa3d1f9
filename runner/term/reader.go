package term

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/yuin/goldmark/ast"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// A Reader prints lessons and runs their programs. A Reader reads one
// lesson at a time.
type Reader struct {
	Out     io.Writer
	In      io.Reader // Enter is read here between programs; nil: run straight through
	Color   bool
	Light   bool           // colours for a light background (with Color)
	All     bool           // do not wait between programs
	Checker *check.Checker // runs (or builds) the programs
	NoTimes bool           // leave durations out (for output compared in tests)
	// Width is the terminal's width in columns: prose is wrapped to it
	// (CJK-aware: see wrap); 0 leaves lines as they are.
	Width int
	// Lang is the language of the reader's own words (the course's, or
	// the lesson's front matter lang); Chinese when empty.
	Lang msg.Lang

	// the lesson being read
	lesson         *lesson.Lesson
	src            []byte
	input          chan string // lines read from In; closed at its end
	passed, failed int
	todo           int   // exercises not done yet: neither passed nor failed
	err            error // the first error writing Out
	// hint is the folded hint of the exercise to come (see foldHint),
	// printed after hintPrefix when the reader asks for it.
	hint       *ast.Blockquote
	hintPrefix string
}

// ErrQuit is returned by Read when the reader asked to stop.
var ErrQuit = errors.New("stopped by the reader")

// Read prints lesson l and runs its programs in order. It returns the
// number of programs that passed and failed, and ErrQuit when the reader
// stopped early.
func (r *Reader) Read(ctx context.Context, l *lesson.Lesson) (passed, failed int, err error) {
	r.lesson, r.src = l, l.Source
	r.passed, r.failed, r.todo, r.hint = 0, 0, 0, nil
	if r.In != nil && r.input == nil && !r.All {
		r.input = make(chan string)
		go readLines(r.In, r.input)
	}
	err = r.children(ctx, l.Doc, "")
	if err == nil {
		err = r.err
	}
	if err == nil {
		err = ctx.Err()
	}
	return r.passed, r.failed, err
}

// readLines sends the lines of in to ch, and closes ch at the end. It
// runs in its own goroutine, so that waiting for Enter can be interrupted.
func readLines(in io.Reader, ch chan<- string) {
	defer close(ch)
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		ch <- sc.Text()
	}
}

// printf writes to Out, remembering the first error.
func (r *Reader) printf(format string, args ...any) {
	if r.err != nil {
		return
	}
	_, r.err = fmt.Fprintf(r.Out, format, args...)
}
