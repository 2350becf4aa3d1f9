package render

import (
	"html/template"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// A Page is everything a lesson page shows: the view model that the page
// template renders. Renderer.Page builds it; a caller may change it (for
// instance to add live results) before Renderer.WritePage writes it.
type Page struct {
	Mode     Mode
	Course   string // the course title
	Lang     string // the course language, for the lang attribute
	Lesson   *lesson.Lesson
	Title    string
	Number   int    // 1-based position in the course
	URL      string // this page's URL, as links to it are written
	Index    string // URL of the index page
	Assets   string // URL of the assets directory, ending in "/"
	HasTitle bool   // the lesson starts with its own level-1 heading
	TOC      []Heading
	Sections []Section // the text of the page, by section, for search
	Blocks   []*Block  // the program blocks, in lesson order
	Body     template.HTML
	Nav      []Link // every lesson of the course, for the sidebar
	Prev     *Link  // nil on the first lesson
	Next     *Link  // nil on the last lesson
	Counts   Counts
}

// An Index is the view model of the index page (目录): the course and
// each lesson with its summary, in course order.
type Index struct {
	Mode    Mode
	Course  string
	Blurb   string // the sentence under the title; may be empty
	Lang    string // the course language, for the lang attribute
	Index   string // the index page's URL
	Assets  string // URL of the assets directory, ending in "/"
	Lessons []Link
	Counts  Counts
}

// A Heading is one entry of a lesson's table of contents: a level-2 or
// level-3 heading with its element id.
type Heading struct {
	ID    string
	Text  string
	Level int
}

// A Section is the plain text of a page from one heading to the next: what
// the search index is built from. The text before the first heading has
// the ID of the page's top ("").
type Section struct {
	ID    string
	Title string
	Text  string
	Code  string // the section's code blocks: searched, not shown in results
}

// A Link is a lesson as the navigation, the index and previous/next links
// show it.
type Link struct {
	URL     string
	Number  int
	Title   string
	Summary string
	Current bool      // the page being shown
	TOC     []Heading // the table of contents, on the current lesson only
	Counts  Counts    // blocks by status, on the index page
}

// Counts are the blocks of a lesson or course by status.
type Counts struct {
	Passed, Failed, NotRun, Programs int
}

// Status is how a block's output is presented.
type Status string

const (
	Passed   Status = "pass"     // run at export; passed
	Failed   Status = "fail"     // run at export; failed (or did not build)
	Built    Status = "built"    // built but not run, as the lesson asks; built fine
	Expected Status = "expected" // not run (--no-run): the expected output is shown
	Shown    Status = "shown"    // a fragment (nobuild), or a block built only and not checked
	Stopped  Status = "stopped"  // the reader stopped its run: neither passed nor failed
)

// A Block is the view of one program block: its code and what is known of
// its run.
type Block struct {
	Block    *lesson.Block
	Result   *check.Result // nil when the block was not checked
	ID       string        // element id of the cell, unique in the page
	Key      string        // "lesson/block", as check --run selects it
	Name     string
	Code     template.HTML // the highlighted code, with line numbers
	CodeLang string        // the program's language, as highlighted: go or python
	Source   string        // the code as written in the lesson
	Tags     []string      // the block's options, for the cell's header
	Lang     msg.Lang      // the language of the words around it
	Exercise bool
	IsCell   bool // a notebook cell
	Status   Status
	Engine   string // the engine that ran it, and why
	Why      string
	Elapsed  time.Duration
	Exit     int
	Signal   string

	Expected string  // the expected output as written ("" when none)
	Stream   string  // "", "stdout" or "stderr": the stream the output block is about
	Output   []Chunk // what the output pane shows
	// ExpectedHTML is the expected output with its placeholders as chips,
	// shown instead of Output by a block not run.
	ExpectedHTML template.HTML
	// Matched shows, for a passed run whose expected output has
	// placeholders, each expected line beside the actual line it matched.
	Matched *Diff
	Replay  *Replay // the recorded run, for the replay control; nil when not run

	Problems []Problem
	Warnings []Problem
	// BuildFailed is set when the program did not compile: the pane shows
	// the compiler's errors, at Marks, and no run.
	BuildFailed bool
	Marks       []Mark // compile errors at lines of the block's own code
	// Depends are the earlier notebook cells whose declarations a cell
	// uses (see check.DependsOn), linked from its header.
	Depends  []CellRef
	Diff     *Diff         // expected and actual output side by side, on a mismatch
	Timeline template.HTML // inline SVG: when each line appeared
	Distinct *Distinct     // the outputs of a runs=N block
	Traces   []Trace       // a traced run's execution traces, one per process
}

// A Trace is the picture of one process's execution trace: lanes of its
// goroutines as inline SVG (trace.SVG: self-contained, no script), and
// its facts as a trace block matches them.
type Trace struct {
	Title string
	SVG   template.HTML
	Facts string
}

// A CellRef names a cell of the page: its block name and element id.
type CellRef struct {
	Name string `json:"name"`
	ID   string `json:"id"`
}

// A Chunk is a piece of output text from one stream: "" when stdout and
// stderr were captured together (the default), else "stdout" or "stderr".
type Chunk struct {
	Stream string
	Text   string
}

// A Problem is one message of a failed block, or a warning, at a lesson
// line.
type Problem struct {
	Line int
	Msg  string
}

// A Replay is a recorded run as the page's script plays it back: the
// output events with their times since the program started.
type Replay struct {
	Elapsed float64       `json:"elapsed"` // milliseconds
	Events  []ReplayEvent `json:"events"`
	Split   bool          `json:"split,omitempty"`
}

// A ReplayEvent is one piece of output at its time.
type ReplayEvent struct {
	T      float64 `json:"t"` // milliseconds since the start
	Stream string  `json:"s,omitempty"`
	Data   string  `json:"d"`
}

// A Diff shows the expected and the actual output of a failed block side
// by side, with the lines that differ, and within them the characters
// that differ, marked.
type Diff struct {
	Sorted bool // both sides sorted (unordered output)
	Want   []DiffLine
	Got    []DiffLine
}

// A DiffLine is one line of one side of a Diff.
type DiffLine struct {
	No      int           // 1-based line number on its side
	HTML    template.HTML // the text, with differing characters in <mark>
	Changed bool          // no line of the other side matches it
	Failed  bool          // the expected line at which the match failed
	Gap     bool          // stands for lines left out (see clipDiff)
}

// Distinct is the summary of a block run several times: each different
// output with the number of runs that printed it.
type Distinct struct {
	Runs    int
	Outputs []DistinctOutput
	Chart   template.HTML // inline SVG bar chart
}

// A DistinctOutput is one output of a runs=N block.
type DistinctOutput struct {
	Text    string
	Count   int
	Percent int
}
