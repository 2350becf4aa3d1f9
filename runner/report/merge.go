package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"bingfa/runner/msg"
)

// ReadJSON reads a document written by check --json.
func ReadJSON(r io.Reader, name string) (*JSONReport, error) {
	var doc JSONReport
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: not a check --json report: %v", name, err)
	}
	if c := countJSON(&doc); c != doc.counts() {
		return nil, fmt.Errorf("%s: counts %s do not match its blocks (%s)", name, doc.Summary(), summary(c, msg.En))
	}
	return &doc, nil
}

// Merge combines the reports of the shards of one course into one: every
// block of every report, lesson by lesson in the order of the lessons'
// paths, each lesson's blocks in order of their lines, the counts
// added up. Seconds is that of the longest shard, since shards run at
// once. A block found in two reports is an error: the shards overlap.
func Merge(docs []*JSONReport) (*JSONReport, error) {
	out := &JSONReport{Blocks: []JSONBlock{}}
	seen := map[string]bool{}
	for _, d := range docs {
		for _, b := range d.Blocks {
			id := fmt.Sprintf("%s:%d: block %s", b.File, b.Line, b.Name)
			if seen[id] {
				return nil, fmt.Errorf("%s: in two reports: the shards overlap", id)
			}
			seen[id] = true
			out.Blocks = append(out.Blocks, b)
		}
		out.Broken = append(out.Broken, d.Broken...)
		out.Seconds = max(out.Seconds, d.Seconds)
	}
	slices.SortStableFunc(out.Blocks, func(a, b JSONBlock) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	slices.SortStableFunc(out.Broken, func(a, b JSONBroken) int { return cmp.Compare(a.File, b.File) })
	c := countJSON(out)
	out.Passed, out.Failed, out.Skipped, out.Stopped = c.passed, c.failed, c.skipped, c.stopped
	return out, nil
}

// countJSON counts the blocks of doc that passed, failed, were skipped
// and were stopped; a lesson that could not be parsed counts as failed.
func countJSON(doc *JSONReport) counts {
	c := counts{failed: len(doc.Broken)}
	for _, b := range doc.Blocks {
		switch b.Verdict {
		case "pass":
			c.passed++
		case "fail":
			c.failed++
		case "stopped":
			c.stopped++
		default:
			c.skipped++
		}
	}
	return c
}

// LessonTimes returns the seconds the programs of each lesson ran, by the
// lesson's path with forward slashes: what check --shard balances shards
// by.
func (doc *JSONReport) LessonTimes() map[string]float64 {
	t := map[string]float64{}
	for _, b := range doc.Blocks {
		t[filepath.ToSlash(b.File)] += b.Ran
	}
	return t
}
