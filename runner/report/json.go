package report

import (
	"encoding/json"
	"io"

	"bingfa/runner/check"
)

// JSONReport is the document written by check --json.
type JSONReport struct {
	Passed  int         `json:"passed"`
	Failed  int         `json:"failed"`
	Skipped int         `json:"skipped"`
	Seconds float64     `json:"seconds"`
	Blocks  []JSONBlock `json:"blocks"`
}

// JSONBlock is one block of a JSON report.
type JSONBlock struct {
	File     string         `json:"file"`
	Line     int            `json:"line"`
	Name     string         `json:"name"`
	Engine   string         `json:"engine,omitempty"`
	Why      string         `json:"why,omitempty"`
	Verdict  string         `json:"verdict"`
	Seconds  float64        `json:"seconds"` // to check it, waits for its build and turn included
	Ran      float64        `json:"ran"`     // seconds its program ran, all runs added up
	Exit     *int           `json:"exit,omitempty"`
	Output   string         `json:"output"`
	Events   []JSONEvent    `json:"events,omitempty"`
	Problems []JSONProblem  `json:"problems,omitempty"`
	Warnings []JSONProblem  `json:"warnings,omitempty"`
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

// JSONProblem is a problem or warning at a lesson line.
type JSONProblem struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// JSONDistinct is one distinct output of a block run several times.
type JSONDistinct struct {
	Output string `json:"output"`
	Count  int    `json:"count"`
}

// WriteJSON writes the report as indented JSON.
func WriteJSON(w io.Writer, rep *check.Report) error {
	return Doc(rep).Write(w)
}

// Doc returns the JSON document of a report: what check --json writes,
// and what the JUnit report, the annotations and report merge are made
// from.
func Doc(rep *check.Report) *JSONReport {
	p, f, s := rep.Counts()
	doc := &JSONReport{Passed: p, Failed: f, Skipped: s, Seconds: rep.Elapsed.Seconds(), Blocks: []JSONBlock{}}
	for _, r := range rep.Results {
		doc.Blocks = append(doc.Blocks, jsonBlock(r))
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
	return summary(doc.Passed, doc.Failed, doc.Skipped)
}

func jsonBlock(r *check.Result) JSONBlock {
	jb := JSONBlock{
		File: r.Lesson.Path, Line: r.Block.Code.Line, Name: r.Block.Name,
		Engine: r.Engine, Why: r.Why, Verdict: r.Status.String(),
		Seconds: r.Elapsed.Seconds(), Ran: r.Ran().Seconds(), Output: r.Output(), Diff: r.Diff, Runs: len(r.Runs),
	}
	if len(r.Runs) > 0 && r.Runs[0].Err == nil {
		exit := r.Runs[0].Exit
		jb.Exit = &exit
		for _, e := range r.Runs[0].Events {
			jb.Events = append(jb.Events, JSONEvent{Stream: e.Stream.String(), Seconds: e.Time.Seconds(), Data: string(e.Data)})
		}
	}
	for _, p := range r.Problems {
		jb.Problems = append(jb.Problems, JSONProblem{Line: p.Line, Message: p.Msg})
	}
	for _, w := range r.Warnings {
		jb.Warnings = append(jb.Warnings, JSONProblem{Line: w.Line, Message: w.Msg})
	}
	for _, d := range r.Distinct {
		jb.Distinct = append(jb.Distinct, JSONDistinct{Output: d.Output, Count: d.Count})
	}
	return jb
}
