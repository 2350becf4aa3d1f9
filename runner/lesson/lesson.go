package lesson

import (
	"fmt"

	"bingfa/runner/match"

	"github.com/yuin/goldmark/ast"
)

// A Lesson is one parsed lesson file.
type Lesson struct {
	Path    string // file path as given to Parse; used in every message
	Dir     string // the directory holding the file on disk; "" when not read from disk
	Name    string // base name without ".md"; used to select blocks
	Source  []byte // the file as read, byte for byte
	Body    int    // offset in Source where the Markdown starts: past the byte order mark and front matter
	Title   string // front matter title, else the first heading
	Order   int    // front matter order; 0 when not given
	Summary string // front matter summary, else the first paragraph
	Lang    string // front matter lang (a BCP 47 tag): overrides the course's
	Blocks  []*Block
	Files   []*DataFile // the file blocks, in order
	Doc     ast.Node    // the goldmark document of Source, for renderers: offsets of the file as read
}

// A Block is one program of a lesson: a go fence and, when given, the output
// fence that follows it; or one further run of a program, an output fence
// after the program's first (Run, Program).
type Block struct {
	Index  int    // 1-based position among the lesson's go fences (python run fences for Python)
	Name   string // the name= option, else block-N (python-N for Python)
	Lang   string // the program's language: LangGo, or LangPython for a python run fence
	Code   *Fence
	Output *Fence // nil when the program has no expected output
	Opts   Options
	Out    OutputOptions
	Want   *match.Pattern // the compiled expected output; nil without one
	// Files are the data files in the working directory of the block's
	// runs: the file blocks before it, a later one of a path replacing an
	// earlier one.
	Files []*DataFile
	// Written are the files a run of the block must have written, with
	// their expected content: the file blocks with the option written
	// after it.
	Written []*DataFile
	// Trace, for a program with the option trace, is the trace fence
	// after the run's output fence, when given: the facts its trace must
	// show (TraceWant, matched like output). nil without one.
	Trace     *Fence
	TraceWant *match.Pattern
	// Run is 0 for a program's block, and N for the program's Nth run,
	// an output block after its first: a Block of its own (its name, its
	// output, its inputs) that shares the program's code and options.
	Run     int
	of      *Block   // for a further run: the program's block
	testOf  *Block   // for a test block: the program it tests
	server  *Block   // for a client: its server
	clients []*Block // for a server: its clients
	runs    []*Block // for a program's block: its further runs
}

// The languages of programs (Block.Lang).
const (
	LangGo     = "go"
	LangPython = "python" // a python fence with the option run, run with python3
)

// Python reports whether b is a Python program (a python run fence): run
// with python3, never built.
func (b *Block) Python() bool { return b.Lang == LangPython }

// Inputs returns the inputs of the block's run: the program's, with those
// of its output block overriding them.
func (b *Block) Inputs() Inputs { return b.Opts.Inputs.Merge(b.Out.Inputs) }

// Expected returns the expected output text ("" when there is none).
func (b *Block) Expected() string {
	if b.Output == nil {
		return ""
	}
	return b.Output.Text
}

// Runs reports whether the block is run (and not only built or shown). A
// program runs when an output block follows it, or when it states how it
// must end (exit= or expect=); otherwise it is only built. A Python
// program is always run: there is nothing to build.
func (b *Block) Runs() bool {
	o := &b.Opts
	return o.Mode == Run && !o.Server && (b.Output != nil || o.ExitSet || o.Expect.Kind != "" || b.Python())
}

// Builds reports whether the block is compiled.
func (b *Block) Builds() bool { return b.Opts.Mode != NoBuild }

// ID returns the block's selection name, "lesson/block".
func (l *Lesson) ID(b *Block) string { return l.Name + "/" + b.Name }

// Where returns "path:line" of the block's go fence, for messages.
func (l *Lesson) Where(b *Block) string {
	return fmt.Sprintf("%s:%d", l.Path, b.Code.Line)
}

// Block returns the block with the given name, or nil.
func (l *Lesson) Block(name string) *Block {
	for _, b := range l.Blocks {
		if b.Name == name {
			return b
		}
	}
	return nil
}
