package yaegi

import (
	"encoding/json"
	"fmt"

	"bingfa/runner/engine"
	"bingfa/runner/yaegi/protocol"
)

// reportErr turns a worker's report into the Outcome error for program
// p: nil when the worker reported nothing.
func reportErr(r *protocol.Report, p *engine.Program) error {
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

// parseReport reads a worker's report; an empty one is nil.
func parseReport(b []byte) (*protocol.Report, error) {
	if len(b) == 0 || b[0] != protocol.Ready {
		return nil, fmt.Errorf("the worker never took its program")
	}
	if b = b[1:]; len(b) == 0 {
		return nil, nil
	}
	var r protocol.Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("bad report from the worker: %v", err)
	}
	return &r, nil
}
