package render

import (
	"html/template"
	"strings"

	"bingfa/runner/msg"
	"bingfa/runner/trace"
)

// traces returns the pictures of a traced run's execution traces, one per
// process, each titled, with its facts.
func traces(ts []*trace.Trace, lang msg.Lang) []Trace {
	var out []Trace
	for i, t := range ts {
		var svg strings.Builder
		if t.SVG(&svg, string(lang)) != nil {
			continue
		}
		title := lang.T("trace.title")
		if len(ts) > 1 {
			title = lang.T("trace.process", i+1)
		}
		// trace.SVG escapes every text it draws: the picture is safe HTML.
		out = append(out, Trace{Title: title, SVG: template.HTML(svg.String()), Facts: t.Facts().Text(string(lang))})
	}
	return out
}
