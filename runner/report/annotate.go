package report

import (
	"fmt"
	"io"
	"strings"
)

// WriteAnnotations writes the problems and warnings of doc as GitHub
// Actions workflow commands, which the runner turns into annotations on
// the lesson's lines in a pull request:
//
//	::error file=lessons/01-basics.md,line=12,title=block hello::output differs%0A--- expected...
//
// A failed block gives one error per distinct problem, the first carrying
// the diff; a warning gives a warning. Commas, colons, percent signs and
// line breaks are escaped as the workflow command syntax requires.
func WriteAnnotations(w io.Writer, doc *JSONReport) error {
	var b strings.Builder
	for _, blk := range doc.Blocks {
		for i, p := range unique(blk.Problems) {
			msg := p.Message
			if i == 0 && blk.Diff != "" {
				msg += "\n" + blk.Diff
			}
			annotation(&b, "error", blk, p.Line, msg)
		}
		for _, p := range unique(blk.Warnings) {
			annotation(&b, "warning", blk, p.Line, p.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func annotation(b *strings.Builder, level string, blk JSONBlock, line int, msg string) {
	fmt.Fprintf(b, "::%s file=%s,line=%d,title=%s::%s\n", level,
		escapeProperty(blk.File), line, escapeProperty("block "+blk.Name), escapeData(Printable(strings.TrimRight(msg, "\n"))))
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
