// Package engine defines what runs a program: the Engine interface, the
// Program it runs and the Outcome it reports, with the program's output as
// timestamped events.
//
// Engines deliver output as it arrives, through the emit callback of Run,
// so that a terminal or a web page can show it live; the same events are
// kept in the Outcome, so that a verdict, a report or a replay sees exactly
// what was shown. An engine never writes a program's output anywhere else.
package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"bingfa/runner/trace"
)

// An Engine builds (if it must) and runs one program.
type Engine interface {
	// Name returns the engine's name, as used in engine= options.
	Name() string
	// Run runs p, calls emit (if not nil) with each piece of output as it
	// arrives, and returns when the program and everything it started have
	// ended. Cancelling ctx stops the program.
	Run(ctx context.Context, p *Program, emit func(Event)) *Outcome
}

// A Preparer is an Engine that can prepare many programs at once before
// they run, such as the compiled engine building them in one go build.
type Preparer interface {
	Prepare(ctx context.Context, ps []*Program)
}

// A Planner is a Preparer that can take programs in hand before it
// builds them: Plan registers ps, so that from its return on, a run or
// build of any of them waits for the builds it starts, and returns at
// once; wait waits for them, as Prepare does.
type Planner interface {
	Plan(ctx context.Context, ps []*Program) (wait func())
}

type backgroundKey struct{}

// Background returns a context for background work (a server building
// its course before anyone asks): an engine does such work after any
// other, at low priority, and stops doing it for a request whose context
// is not marked so, which goes first.
func Background(ctx context.Context) context.Context {
	return context.WithValue(ctx, backgroundKey{}, true)
}

// IsBackground reports whether ctx is marked by Background.
func IsBackground(ctx context.Context) bool { return ctx.Value(backgroundKey{}) != nil }

type liveKey struct{}

// Live marks ctx as a run whose output a reader watches as it comes (the
// live page, the terminal reader): an engine must not hold its output
// back until it ends.
func Live(ctx context.Context) context.Context { return context.WithValue(ctx, liveKey{}, true) }

// IsLive reports whether ctx is marked by Live.
func IsLive(ctx context.Context) bool { return ctx.Value(liveKey{}) != nil }

// A Program is one complete Go program and how to run it, or a script of
// another language (Lang).
type Program struct {
	ID     string // lesson/block, for messages
	Source []byte // a complete package main, or a script (Lang)
	Path   string // the lesson file, for positions in messages
	Line   int    // the lesson line of the first source line
	Col    int    // columns to add to source columns
	// Lang is the program's language: "" for Go, "python" for a Python
	// script (which only an interpreter's engine runs).
	Lang string
	// Show are host directories the program needs to see, read-only, in
	// the sandbox: an interpreter's installation (sandbox.Options.Show).
	Show []string
	// Lines, when not nil, maps each source line to its lesson line
	// (Lines[i] for source line i+1; 0 for a line the lesson does not
	// have): a program assembled from several blocks, such as a notebook
	// cell. When nil, source line n is lesson line Line+n-1.
	Lines     []int
	Args      []string      // command-line arguments
	Env       []string      // KEY=VALUE added to the environment
	Timeout   time.Duration // wall-clock limit
	MaxOutput int64         // cap on captured bytes
	MaxMemory int64         // address-space cap; 0 for DefaultMaxMemory
	Race      bool          // build with the race detector
	Split     bool          // keep stdout and stderr apart
	// Unconfined runs the program without the sandbox (sandbox=off);
	// HostNet gives it the host's network (net=host).
	Unconfined, HostNet bool
	Stdin               []byte // standard input; empty for none
	// Argv0 is the program's name in os.Args[0]; "" for the base of its
	// file name (Command). FileName is the name of its source file in
	// positions (stack traces, log.Lshortfile, race reports); "" for
	// main.go (SourceName).
	Argv0, FileName string
	// Files are data files: put in the working directory before the
	// program runs, and, for a program with a //go:embed directive, next
	// to its source when it is built (they are then part of what it is
	// built from).
	Files []File
	// Signal, when set (SIGINT), is sent to the program's process group
	// once its output contains Ready (if set) and After has passed since
	// then (or since the start).
	Signal string
	Ready  string
	After  time.Duration
	// Test, when set, is a _test.go file (named TestName) of the program:
	// the run is go test's, with Args as its flags, in a module whose
	// only package holds the program and its test file.
	Test     []byte
	TestName string
	// Server, when set, is a program that serves, started before this
	// one (its client) and ready once its output contains its Ready;
	// when the client has ended, the server is sent its Signal (SIGINT
	// when empty) and stopped. Its outcome is the Outcome's Server. The
	// two share one sandbox (a network of their own), unless the server
	// is Unconfined or asks for HostNet, which the client then follows.
	Server *Program
	// Port, for a server, is the TCP port it listens on: it is ready once
	// a socket listens there (after Ready, if set), and PORT is Port.
	Port int
	// Collect are the paths, relative to the working directory, of files
	// to read back when the run ends (files the program must write).
	Collect []string
	// Trace records an execution trace of the run (the option trace):
	// the program is built with trace.Instrument and its traces are read
	// back into Outcome.Traces. Only the compiled engine can.
	Trace bool
}

// A File is a data file of a program.
type File struct {
	Path string // relative, slash-separated, clean
	Data []byte
}

// Stream says where a piece of output came from.
type Stream uint8

const (
	// Output is stdout and stderr together, in the exact order the program
	// wrote them: both are the same pipe, as on a terminal.
	Output Stream = iota
	Stdout
	Stderr
)

func (s Stream) String() string {
	return [...]string{"output", "stdout", "stderr"}[s]
}

// An Event is one piece of output, as read from the program.
type Event struct {
	Stream Stream
	Time   time.Duration // since the program started
	Data   []byte
}

// An Outcome is what happened when a program was built and run.
type Outcome struct {
	Engine  string
	Why     string // why Engine ran it, when not the engine asked (a fallback)
	Events  []Event
	Exit    int    // exit status; -1 when the program did not exit by itself
	Signal  string // the signal that ended it, if any
	Elapsed time.Duration
	// CPU is the processor time (user and system) of the program and of
	// the children it waited for; 0 when unknown (the interpreter).
	CPU    time.Duration
	Build  time.Duration // time spent building, 0 when cached
	Cached bool          // the binary came from the cache
	// Leftover counts processes the program left running after it ended;
	// they were killed.
	Leftover int
	// Files are the files of Program.Collect as the run left them; a file
	// that does not exist is missing.
	Files []File
	// Traces are the execution traces of a traced run (Program.Trace),
	// one per process, in the order they started, as read by package
	// trace: lanes and facts, never the raw trace. TraceErr says why a
	// traced run has none, or fewer than it wrote.
	Traces   []*trace.Trace
	TraceErr error
	// Server is the outcome of the server this run was a client of.
	Server *Outcome
	// Err is why the program did not run to its end: a *BuildError or a
	// *Failure (or, for a client, an error saying that its server did not
	// get ready). It is nil when the program exited by itself, whatever its
	// status.
	Err error
}

// Text returns the output of the given streams as one string: Output for
// everything, Stdout or Stderr for one stream of a split run.
func (o *Outcome) Text(s Stream) string {
	var b strings.Builder
	for _, e := range o.Events {
		if s == Output || e.Stream == s {
			b.Write(e.Data)
		}
	}
	return b.String()
}

// A Kind classifies a Failure.
type Kind int

const (
	Timeout       Kind = iota + 1 // ran past its time limit
	TooMuchOutput                 // printed more than the cap
	Canceled                      // stopped by the caller
	Broken                        // the engine itself failed
	MemoryLimit                   // the run used more memory than its cap
	TaskLimit                     // the run started more processes and threads than its cap
	CPULimit                      // a process used more CPU time than its cap
)

// A Failure is why a program was stopped or could not run.
type Failure struct {
	Kind Kind
	Msg  string
}

func (f *Failure) Error() string { return f.Msg }

// Failuref returns a *Failure.
func Failuref(k Kind, format string, args ...any) *Failure {
	return &Failure{Kind: k, Msg: fmt.Sprintf(format, args...)}
}

// IsFailure reports whether err is a Failure of kind k.
func IsFailure(err error, k Kind) bool {
	var f *Failure
	return errors.As(err, &f) && f.Kind == k
}

// A BuildError is a program that did not compile, with every diagnostic at
// its position in the lesson.
type BuildError struct {
	Diags []Diag
}

// A Diag is one compiler message at a lesson position.
type Diag struct {
	Path      string
	Line, Col int
	Msg       string
}

func (d Diag) String() string {
	switch {
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", d.Path, d.Msg)
	case d.Col == 0:
		return fmt.Sprintf("%s:%d: %s", d.Path, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.Path, d.Line, d.Col, d.Msg)
}

func (e *BuildError) Error() string {
	lines := make([]string, len(e.Diags))
	for i, d := range e.Diags {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// LessonLine returns the lesson line of source line n (1-based), or 0.
func (p *Program) LessonLine(n int) int {
	if p.Lines == nil {
		return p.Line + n - 1
	}
	if n < 1 || n > len(p.Lines) {
		return 0
	}
	return p.Lines[n-1]
}

// DefaultMaxMemory is the address-space cap of a program that does not
// set one: far above what a lesson needs, far below what would hurt the
// machine.
const DefaultMaxMemory = 4 << 30

// MemoryLimit returns the address-space cap (RLIMIT_AS) to run p with.
// A race-enabled program maps the race detector's shadow memory, about
// 1.7 GiB at the start and then about 3.7 times its heap (measured with
// Go 1.26): its cap is twice the program's plus 2 GiB, which leaves it
// about the heap of a program without the detector under half its cap.
func (p *Program) MemoryLimit() int64 {
	limit := int64(DefaultMaxMemory)
	if p.MaxMemory > 0 {
		limit = p.MaxMemory
	}
	if p.Race {
		return 2*limit + raceBase
	}
	return limit
}

// raceBase is what the race detector maps before the program allocates.
const raceBase = 2 << 30

// A Builder compiles a program without running it: what "built but not
// run" means for a block.
type Builder interface {
	Build(ctx context.Context, p *Program) error
}

// A Cacher is an engine that keeps what it prepares: Cached reports
// whether p is ready to run without building.
type Cacher interface {
	Cached(p *Program) bool
}

// SourceName returns the name of p's source file, as positions show it.
func (p *Program) SourceName() string {
	if p.FileName == "" {
		return "main.go"
	}
	return p.FileName
}

// Command returns p's name in os.Args[0]: Argv0, else its source file's
// name without .go.
func (p *Program) Command() string {
	if p.Argv0 != "" {
		return p.Argv0
	}
	return strings.TrimSuffix(p.SourceName(), ".go")
}
