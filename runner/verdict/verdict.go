// Package verdict judges one run of a program against what its lesson
// block expects: how it ends (exit status, a data race, a deadlock, a
// panic) and what it prints.
//
// A block passes when the program builds, runs to its end within its time
// and output limits, ends as expected, and its output matches the
// expected output. Every problem found is reported, each at the lesson
// line it is about: the output fence's line for an output mismatch (the
// failing expected line when known), the go fence's line otherwise. A
// mismatch comes with a unified diff of the expected and actual output.
// A file the block says the run writes (a written file block) is matched
// like output once the run has ended, at its own fence's lines; a file
// the program did not write fails the block. The trace block of a traced
// run is matched like output against the facts of its execution traces
// (trace.FactsText), at its own fence's lines. A run whose wall time is
// outside its took= bound is a warning, or a failure for a hard bound.
//
// Soft lines that do not match are warnings: they never fail a block and
// are never silently passed.
//
// A run that its caller stopped (the reader pressed Stop, or Ctrl-C: the
// engine reports engine.Canceled) is neither a pass nor a failure: its
// verdict is Stopped, with no problem and no diff, since the program did
// not get to print what it would have.
package verdict

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/match"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Status is the result of checking a block.
type Status int

const (
	Pass Status = iota
	Fail
	Skip
	Stopped // the caller stopped the run before it ended
)

func (s Status) String() string {
	return [...]string{"pass", "fail", "skip", "stopped"}[s]
}

// A Problem is one reason a block failed, or one warning, at a lesson
// line.
type Problem struct {
	Line int
	Msg  string
	// Engine names the engine whose run it is about, for a block that
	// several engines ran (see Verdict.ForEngine); "" otherwise.
	Engine string
}

// Text returns the message, after the name of its engine when it has
// one: "yaegi: output differs: ...".
func (p Problem) Text() string {
	if p.Engine == "" {
		return p.Msg
	}
	return p.Engine + ": " + p.Msg
}

// A Verdict is the judgement of one run.
type Verdict struct {
	Status   Status
	Problems []Problem
	Warnings []Problem
	Diff     string // unified diff of expected and actual output, on mismatch
	Actual   string // the output as compared (stream chosen, normalised)
	sorted   bool   // the diff is of sorted lines
}

// ForEngine says that v is the verdict of engine name, one of several
// that ran the block: its problems and warnings name the engine, and the
// header of its diff says whose actual output it shows.
func (v *Verdict) ForEngine(name string) {
	for i := range v.Problems {
		v.Problems[i].Engine = name
	}
	for i := range v.Warnings {
		v.Warnings[i].Engine = name
	}
	if v.Diff != "" {
		old, now := "\n+++ "+actualName(v.sorted, "")+"\n", "\n+++ "+actualName(v.sorted, name)+"\n"
		v.Diff = strings.Replace(v.Diff, old, now, 1)
	}
}

func (v *Verdict) fail(line int, format string, args ...any) {
	v.Status = Fail
	v.Problems = append(v.Problems, Problem{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Built judges a block that is built but not run.
func Built(b *lesson.Block, err error) *Verdict {
	v := &Verdict{}
	switch {
	case engine.IsFailure(err, engine.Canceled): // the caller stopped it
		v.Status = Stopped
	case err != nil:
		v.fail(b.Code.Line, "%s", failureText(err))
	}
	return v
}

// Judge judges one run of block b.
func Judge(b *lesson.Block, o *engine.Outcome) *Verdict {
	v := &Verdict{}
	if engine.IsFailure(o.Err, engine.Canceled) { // the caller stopped it
		v.Status, v.Actual = Stopped, match.Normalize(o.Text(Stream(b)))
		return v
	}
	if o.Err != nil {
		v.fail(b.Code.Line, "%s", failureText(o.Err))
		if _, ok := o.Err.(*engine.BuildError); ok {
			return v
		}
	}
	text := o.Text(Stream(b))
	v.Actual = match.Normalize(text)
	if o.Err == nil {
		judgeEnd(v, b, o, text)
	}
	if b.Output != nil {
		judgeOutput(v, b, text)
	}
	if o.Err == nil {
		judgeWritten(v, b, o)
		judgeTrace(v, b, o)
		judgeTook(v, b, o)
	}
	judgeServer(v, b, o)
	return v
}

// Stream returns the stream that the output block of b is about: stdout
// or stderr alone (output stdout, output stderr), or both as they were
// written.
func Stream(b *lesson.Block) engine.Stream {
	switch b.Out.Stream {
	case "stdout":
		return engine.Stdout
	case "stderr":
		return engine.Stderr
	}
	return engine.Output
}

// failureText describes why a program could not run to its end.
func failureText(err error) string {
	switch err := err.(type) {
	case *engine.BuildError:
		return "does not compile:\n" + err.Error()
	case *engine.Failure:
		if err.Kind == engine.Broken {
			return "engine failure: " + err.Msg
		}
		return err.Msg
	}
	return err.Error()
}

// EndLine returns the lesson line at which a problem with how the run of
// b ended is reported: its go fence's, or for a further run of a program
// (an output block after its first) that output fence's.
func EndLine(b *lesson.Block) int {
	if b.Run > 0 && b.Output != nil {
		return b.Output.Line
	}
	return b.Code.Line
}

// judgeEnd checks how the program ended against expect= and exit=.
func judgeEnd(v *Verdict, b *lesson.Block, o *engine.Outcome, text string) {
	line := EndLine(b)
	all := o.Text(engine.Output)
	if b.Opts.Expect.Kind == "signal" {
		judgeSignal(v, line, b.Opts.Expect.Message, o)
		return
	}
	if o.Signal != "" {
		v.fail(line, "killed by signal: %s", o.Signal)
		return
	}
	want := b.Opts.Exit
	switch e := b.Opts.Expect; e.Kind {
	case "race":
		want = raceExit
		if !strings.Contains(all, raceWarning) {
			v.fail(line, "expected a data race, but the race detector reported none")
		}
	case "deadlock":
		want = 2
		if !strings.Contains(all, deadlockError) {
			v.fail(line, "expected a deadlock (%q), but there was none", deadlockError)
		}
	case "panic":
		want = 2
		judgePanic(v, line, e.Message, all)
	default:
		if b.Opts.Race && strings.Contains(all, raceWarning) {
			v.fail(line, "the race detector found a data race (add expect=race if the lesson shows one)")
		}
	}
	if want != lesson.AnyExit && o.Exit != want {
		v.fail(line, "exit status %d, want %d", o.Exit, want)
	}
	if o.Leftover > 0 {
		v.Warnings = append(v.Warnings, Problem{Line: line, Msg: fmt.Sprintf("left %d process(es) running after it exited; they were killed", o.Leftover)})
	}
}

// judgePanic checks that the program panicked, with msg if given.
func judgePanic(v *Verdict, line int, msg, out string) {
	got, full, ok := panicMessage(out)
	switch {
	case !ok:
		v.fail(line, "expected a panic, but the program did not panic")
	case msg != "" && got != msg && full != msg:
		v.fail(line, "expected panic %q, got panic %q", msg, got)
	}
}

// panicMessage returns the message of the first "panic: " line, without
// and with the note the runtime adds to a value panicked again after
// recover ("boom [recovered, repanicked]"): a lesson may give either. The
// runtime's report starts wherever the program's output stopped, so after
// fmt.Print("working...") it starts in the middle of a line; such a line
// counts when no line starts with "panic: ".
func panicMessage(out string) (msg, full string, ok bool) {
	lines := strings.Split(out, "\n")
	m, found := "", false
	for _, l := range lines {
		if m, found = strings.CutPrefix(l, "panic: "); found {
			break
		}
	}
	for i := 0; !found && i < len(lines); i++ {
		_, m, found = strings.Cut(lines[i], "panic: ")
	}
	if !found {
		return "", "", false
	}
	full = strings.TrimRight(m, "\r")
	msg = strings.TrimSuffix(full, " [recovered]")
	if i := strings.Index(msg, " [recovered, "); i >= 0 {
		msg = msg[:i]
	}
	return msg, full, true
}

// judgeOutput matches the output against the expected output.
func judgeOutput(v *Verdict, b *lesson.Block, text string) {
	want, expected := b.Want, b.Expected()
	if runtimeReport(b) {
		expected, text = NormalizeReport(expected), NormalizeReport(text)
		var err error
		if want, err = match.Compile(expected, b.Out.Match()); err != nil {
			v.fail(b.Output.Line, "%v", err)
			return
		}
	}
	r := want.Match(text)
	for _, w := range r.Warnings {
		// The heading says what happened: the failure's own message
		// ("soft line did not match") would say it twice.
		lines := *w
		lines.Msg = ""
		detail := cmp.Or(strings.TrimSuffix(lines.String(), "\n"), w.String())
		v.Warnings = append(v.Warnings, Problem{Line: outputLine(b, w), Msg: "soft line did not match (a warning, not a failure):\n" + detail})
	}
	if r.OK {
		return
	}
	v.fail(outputLine(b, r.Failure), "output differs:\n%s", r.Failure)
	got := match.Normalize(text)
	v.Diff, v.sorted = diff(want.Display(got), got, b.Out.Unordered), b.Out.Unordered
}

// outputLine returns the lesson line of a failure in the expected output.
func outputLine(b *lesson.Block, f *match.Failure) int {
	if f == nil || f.Line == 0 {
		return b.Output.Line
	}
	return b.Output.BodyLine() + f.Line - 1
}

// runtimeReport reports whether the block expects a report of the Go
// runtime, whose ids, addresses and paths vary between runs.
func runtimeReport(b *lesson.Block) bool {
	return b.Opts.Race || b.Opts.Expect.Kind != ""
}

// diff returns a unified diff of expected and actual output; sorted when
// order does not matter. want is the expected output as Pattern.Display
// gives it: lines whose placeholders matched read as context.
func diff(want, got string, unordered bool) string {
	a := "expected"
	if unordered {
		want, got = sortLines(want), sortLines(got)
		a = "expected (sorted)"
	}
	return udiff.Unified(a, actualName(unordered, ""), want+"\n", got+"\n")
}

// actualName returns the name of the actual output in a diff's header:
// "actual", "actual (sorted)", "actual of yaegi (sorted)".
func actualName(sorted bool, engine string) string {
	name := "actual"
	if engine != "" {
		name += " of " + engine
	}
	if sorted {
		name += " (sorted)"
	}
	return name
}

func sortLines(s string) string {
	lines := strings.Split(s, "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}
