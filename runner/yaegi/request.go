package yaegi

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"bingfa/runner/engine"
)

// workerEnv is the variable that turns a process into a worker.
const workerEnv = "BINGFA_WORKER"

// Descriptors of the worker's side channels.
const (
	requestFD = 3
	reportFD  = 4
)

// A request is one program for a worker to run.
type request struct {
	Source string
	Args   []string // os.Args, the program's name first
	Env    []string // the whole environment
	Dir    string   // the working directory
}

// A report is what a worker says when the program did not run to its end
// because of the interpreter: exactly one of Diags (a compile error) and
// Broken (the interpreter failed) is set.
type report struct {
	Diags  []diag `json:",omitempty"`
	Broken string `json:",omitempty"`
	// Compiling says the program never started: anything it printed was
	// the interpreter's.
	Compiling bool `json:",omitempty"`
}

// A diag is one compile error at a source position.
type diag struct {
	Line, Col int
	Msg       string
}

// maxReport bounds a report, which must fit in a pipe's buffer.
const maxReport = 32 << 10

// diagRE matches one line of a yaegi compile error: "_.go:3:5: msg" or
// "3:5: msg".
var diagRE = regexp.MustCompile(`^(?:.*?:)?(\d+):(\d+): (.*)$`)

// parseDiags splits a compile error into diagnostics.
func parseDiags(err error) []diag {
	var ds []diag
	for _, l := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
		m := diagRE.FindStringSubmatch(l)
		if m == nil {
			ds = append(ds, diag{Msg: l})
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		ds = append(ds, diag{Line: line, Col: col, Msg: m[3]})
	}
	return ds
}

// writeReport writes r to the report descriptor, shortened to fit.
func writeReport(f *os.File, r report) {
	if len(r.Diags) > 20 {
		r.Diags = r.Diags[:20]
	}
	if len(r.Broken) > maxReport/2 {
		r.Broken = r.Broken[:maxReport/2]
	}
	b, _ := json.Marshal(r)
	_, _ = f.Write(b)
}

// err turns a report into the Outcome error for program p: nil when the
// worker reported nothing.
func (r *report) err(p *engine.Program) error {
	if r.Broken != "" {
		return engine.Failuref(engine.Broken, "yaegi failed: %s", r.Broken)
	}
	if len(r.Diags) == 0 {
		return nil
	}
	be := &engine.BuildError{}
	for _, d := range r.Diags {
		ed := engine.Diag{Path: p.Path, Msg: d.Msg}
		if d.Line > 0 {
			ed.Line = p.LessonLine(d.Line)
			ed.Col = d.Col + p.Col
		}
		be.Diags = append(be.Diags, ed)
	}
	return be
}

// ready is the byte a worker writes first on its report descriptor, once
// it has its request: a process that does not is no worker.
const ready = 'R'

// parseReport reads a worker's report; an empty one is nil.
func parseReport(b []byte) (*report, error) {
	if len(b) == 0 || b[0] != ready {
		return nil, fmt.Errorf("the worker never took its program: does the executable call yaegi.MaybeWorker first?")
	}
	if b = b[1:]; len(b) == 0 {
		return nil, nil
	}
	var r report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("bad report from the worker: %v", err)
	}
	return &r, nil
}
