package report

import (
	"encoding/json"
	"io"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/msg"
	"bingfa/runner/trace"
	"bingfa/runner/verdict"
)

// JSONReport is the document written by check --json.
type JSONReport struct {
	Passed  int         `json:"passed"`
	Failed  int         `json:"failed"`
	Skipped int         `json:"skipped"`
	Stopped int         `json:"stopped,omitempty"` // blocks whose runs were stopped: neither passed nor failed
	Seconds float64     `json:"seconds"`
	Blocks  []JSONBlock `json:"blocks"`
	// Broken is the lessons that could not be parsed, and so were not
	// checked: each counts as failed.
	Broken []JSONBroken `json:"broken,omitempty"`
}

// JSONBroken is a lesson that could not be parsed, with its format errors.
type JSONBroken struct {
	File   string        `json:"file"`
	Errors []JSONProblem `json:"errors"`
}

// JSONBlock is one block of a JSON report.
type JSONBlock struct {
	File    string  `json:"file"`
	Line    int     `json:"line"`
	Name    string  `json:"name"`
	Engine  string  `json:"engine,omitempty"` // "compiled+yaegi" for a block both ran
	Why     string  `json:"why,omitempty"`    // why that engine, without its name
	Pos     string  `json:"pos,omitempty"`    // where in the source the reason is found (path:line)
	Verdict string  `json:"verdict"`
	Seconds float64 `json:"seconds"` // to check it, waits for its build and turn included
	Ran     float64 `json:"ran"`     // seconds its program ran, all runs added up
	// Exit, Output, Events and Diff are of the first run (the diff of the
	// first failing run), of the first engine when several ran the block
	// (Engines[0]).
	Exit     *int           `json:"exit,omitempty"`
	Output   string         `json:"output"`
	Events   []JSONEvent    `json:"events,omitempty"`
	Problems []JSONProblem  `json:"problems,omitempty"`
	Warnings []JSONProblem  `json:"warnings,omitempty"`
	Diff     string         `json:"diff,omitempty"`
	Runs     int            `json:"runs"`
	Distinct []JSONDistinct `json:"distinct,omitempty"`
	// Trace is the facts of the first run's execution traces, for a
	// traced block (the option trace), in English (trace.FactsText).
	Trace string `json:"trace,omitempty"`
	// Engines is what each engine made of a block that several engines
	// ran, in the order they ran it.
	Engines []JSONEngine `json:"engines,omitempty"`
}

// JSONEngine is what one engine made of a block that several engines ran:
// its verdict, and the exit status and output of its first run, with the
// diff of its first failing run. Its problems and warnings are the
// block's that name it.
type JSONEngine struct {
	Engine   string         `json:"engine"`
	Verdict  string         `json:"verdict"` // pass, fail, skip, or stopped (neither)
	Exit     *int           `json:"exit,omitempty"`
	Output   string         `json:"output"`
	Diff     string         `json:"diff,omitempty"`
	Runs     int            `json:"runs"`
	Distinct []JSONDistinct `json:"distinct,omitempty"`
}

// JSONEvent is one piece of output of the first run, with its time.
type JSONEvent struct {
	Stream  string  `json:"stream"`
	Seconds float64 `json:"t"`
	Data    string  `json:"data"`
}

// JSONProblem is a problem or warning at a lesson line; for a block that
// several engines ran, Engine names the engine whose run it is about ("":
// the block's own).
type JSONProblem struct {
	Line    int    `json:"line"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
	Engine  string `json:"engine,omitempty"`
}

// JSONDistinct is one distinct output of a block run several times.
type JSONDistinct struct {
	Output string `json:"output"`
	Count  int    `json:"count"`
}

// Doc returns the JSON document of a report: what check --json writes,
// and what the JUnit report, the annotations and report merge are made
// from.
func Doc(rep *check.Report) *JSONReport {
	p, f, s := rep.Counts()
	doc := &JSONReport{Passed: p, Failed: f, Skipped: s, Stopped: rep.Stopped(), Seconds: rep.Elapsed.Seconds(), Blocks: []JSONBlock{}}
	for _, r := range rep.Results {
		doc.Blocks = append(doc.Blocks, jsonBlock(r))
	}
	for _, path := range rep.BrokenLessons() {
		jb := JSONBroken{File: path}
		for _, e := range rep.Broken {
			if e.Path == path {
				jb.Errors = append(jb.Errors, JSONProblem{Line: e.Line, Col: e.Col, Message: e.Msg})
			}
		}
		doc.Broken = append(doc.Broken, jb)
	}
	return doc
}

// Write writes the document as indented JSON.
func (doc *JSONReport) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// Summary returns the summary line of the document, as check prints it.
func (doc *JSONReport) Summary() string {
	return summary(doc.counts(), msg.En)
}

// counts are the document's own counts.
func (doc *JSONReport) counts() counts {
	return counts{doc.Passed, doc.Failed, doc.Skipped, doc.Stopped}
}

func jsonBlock(r *check.Result) JSONBlock {
	jb := JSONBlock{
		File: r.Lesson.Path, Line: r.Block.Code.Line, Name: r.Block.Name,
		Engine: r.Engine, Why: r.Why.Reason, Pos: r.Why.Pos, Verdict: r.Status.String(),
		Seconds: r.Elapsed.Seconds(), Ran: r.Ran().Seconds(), Output: r.Output(), Diff: r.Diff, Runs: len(r.Runs),
	}
	if len(r.Runs) > 0 {
		jb.Exit = exitOf(r.Runs[0])
		if ts := r.Runs[0].Traces; len(ts) > 0 {
			jb.Trace = trace.FactsText(ts, "en")
		}
		if r.Runs[0].Err == nil {
			for _, e := range r.Runs[0].Events {
				jb.Events = append(jb.Events, JSONEvent{Stream: e.Stream.String(), Seconds: e.Time.Seconds(), Data: string(e.Data)})
			}
		}
	}
	jb.Problems, jb.Warnings = jsonProblems(r.Problems), jsonProblems(r.Warnings)
	jb.Distinct = jsonDistinct(r.Distinct)
	for _, e := range r.Engines {
		je := JSONEngine{Engine: e.Engine, Verdict: e.Status.String(), Diff: e.Diff, Runs: len(e.Runs), Distinct: jsonDistinct(e.Distinct)}
		if len(e.Runs) > 0 {
			je.Exit, je.Output = exitOf(e.Runs[0]), e.Runs[0].Text(engine.Output)
		}
		jb.Engines = append(jb.Engines, je)
	}
	return jb
}

// exitOf returns the exit status of a run that ran to its end, else nil.
func exitOf(o *engine.Outcome) *int {
	if o.Err != nil {
		return nil
	}
	exit := o.Exit
	return &exit
}

func jsonProblems(ps []verdict.Problem) []JSONProblem {
	var out []JSONProblem
	for _, p := range ps {
		out = append(out, JSONProblem{Line: p.Line, Message: p.Msg, Engine: p.Engine})
	}
	return out
}

func jsonDistinct(ds []check.Distinct) []JSONDistinct {
	var out []JSONDistinct
	for _, d := range ds {
		out = append(out, JSONDistinct{Output: d.Output, Count: d.Count})
	}
	return out
}
