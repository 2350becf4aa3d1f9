package trace

import (
	"fmt"
	"strings"
)

// Summary is what a terminal shows of a run's traces: for each process
// (after a line "# 进程 N" when there are several), its picture (Text)
// and its facts (Facts.Text).
func Summary(ts []*Trace, lang string) string {
	var b strings.Builder
	for i, t := range ts {
		if len(ts) > 1 {
			fmt.Fprintf(&b, words(lang)["process"]+"\n", i+1)
		}
		b.WriteString(t.Text(lang))
		b.WriteString(t.Facts().Text(lang))
	}
	return b.String()
}
