package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/engine"
	"bingfa/runner/match"
	"bingfa/runner/msg"
)

// Geometry of the timeline picture, in SVG user units.
const (
	tlWidth   = 640
	tlLeft    = 8  // margin before time 0
	tlRight   = 8  // margin after the end
	tlRow     = 18 // height of one line's row
	tlAxis    = 22 // height of the axis and its labels
	tlMaxRows = 40 // past this, lines are ticks on one strip
	tlLabel   = 48 // runes of a line shown beside its dot
)

// timeline returns an inline SVG picture of when each line of output
// appeared: a row per line with a dot at its time, or, for long outputs,
// one strip with a tick per line. A runtime's report folded into one
// line (foldReports) is a diamond, whose title says how long it is. It returns "" when nothing was printed.
func timeline(ls []line, elapsed time.Duration, lang msg.Lang) template.HTML {
	if len(ls) == 0 {
		return ""
	}
	end := max(elapsed, ls[len(ls)-1].At, time.Millisecond)
	x := func(t time.Duration) float64 {
		return tlLeft + float64(t)/float64(end)*(tlWidth-tlLeft-tlRight)
	}
	var b strings.Builder
	rows, strip := len(ls), len(ls) > tlMaxRows
	if strip {
		rows = 1
	}
	h := rows*tlRow + tlAxis
	fmt.Fprintf(&b, `<svg class="timeline" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`,
		tlWidth, h, template.HTMLEscapeString(lang.T("result.timeline.aria", len(ls), fmtDuration(end))))
	for i, l := range ls {
		y := i*tlRow + tlRow/2
		if strip {
			y = tlRow / 2
		}
		cls := "tl-dot"
		if l.Stream == "stderr" {
			cls += " tl-stderr"
		}
		text := l.Text
		if l.Report > 0 {
			cls += " tl-report"
			text = lang.T("result.timeline.report", l.Text, l.Report)
		}
		title := template.HTMLEscapeString(fmt.Sprintf("%s  %s", fmtDuration(l.At), text))
		if strip {
			fmt.Fprintf(&b, `<line class="%s" x1="%.1f" x2="%.1f" y1="2" y2="%d"><title>%s</title></line>`, cls, x(l.At), x(l.At), tlRow-2, title)
			continue
		}
		if l.Report > 0 { // a diamond
			fmt.Fprintf(&b, `<path class="%s" d="M%.1f %dl5 5l-5 5l-5 -5z"><title>%s</title></path>`, cls, x(l.At), y-5, title)
		} else {
			fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%d" r="4"><title>%s</title></circle>`, cls, x(l.At), y, title)
		}
		b.WriteString(label(x(l.At), y, l.Text))
	}
	axisY := rows * tlRow
	fmt.Fprintf(&b, `<line class="tl-axis" x1="%d" x2="%d" y1="%d" y2="%d"/>`, tlLeft, tlWidth-tlRight, axisY+2, axisY+2)
	fmt.Fprintf(&b, `<text class="tl-time" x="%d" y="%d">0</text>`, tlLeft, axisY+16)
	// Tick labels never repeat: a label that reads as the one before it,
	// or as the end's, is left out (rounding can make them equal).
	step := tickStep(end)
	prev, last := "0", fmtDuration(end)
	for t := step; t < end*9/10; t += step {
		fmt.Fprintf(&b, `<line class="tl-tick" x1="%.1f" x2="%.1f" y1="0" y2="%d"/>`, x(t), x(t), axisY+5)
		if l := fmtDuration(t); l != prev && l != last {
			fmt.Fprintf(&b, `<text class="tl-time" x="%.1f" y="%d" text-anchor="middle">%s</text>`, x(t), axisY+16, l)
			prev = l
		}
	}
	fmt.Fprintf(&b, `<text class="tl-time" x="%d" y="%d" text-anchor="end">%s</text>`, tlWidth-tlRight, axisY+16, fmtDuration(end))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// tickStep returns the interval between the timeline's ticks: 1, 2 or 5
// times a power of ten, giving at most 6 ticks over d.
func tickStep(d time.Duration) time.Duration {
	for step := time.Microsecond; ; step *= 10 {
		for _, m := range []time.Duration{1, 2, 5} {
			if d/(m*step) <= 6 {
				return m * step
			}
		}
	}
}

// label returns the text of a line beside its dot: to the right of dots
// in the left half, to the left of the others.
func label(x float64, y int, text string) string {
	text = clipRunes(text, tlLabel)
	anchor, dx := "start", 8.0
	if x > tlWidth/2 {
		anchor, dx = "end", -8
	}
	return fmt.Sprintf(`<text class="tl-text" x="%.1f" y="%d" text-anchor="%s">%s</text>`,
		x+dx, y+4, anchor, template.HTMLEscapeString(text))
}

// fmtDuration formats d for a reader: 850µs, 12ms, 1.25s.
func fmtDuration(d time.Duration) string {
	switch {
	case d == 0:
		return "0"
	case d < time.Millisecond:
		return fmt.Sprintf("%dµs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	s := strings.TrimRight(fmt.Sprintf("%.2f", d.Seconds()), "0")
	return strings.TrimSuffix(s, ".") + "s"
}

// newDistinct summarises the runs of a runs=N block: its distinct outputs,
// most frequent first, with a bar chart of their counts.
func newDistinct(runs []*engine.Outcome, ds []check.Distinct, lang msg.Lang) *Distinct {
	d := &Distinct{Runs: len(runs)}
	for _, o := range ds {
		d.Outputs = append(d.Outputs, DistinctOutput{Text: o.Output, Count: o.Count, Percent: (o.Count*200 + len(runs)) / max(2*len(runs), 1)})
	}
	d.Chart = distinctChart(d, lang)
	return d
}

// distinctChart draws a horizontal bar per distinct output, labelled with
// the output's first line and its count.
func distinctChart(d *Distinct, lang msg.Lang) template.HTML {
	const barMax = 360
	var b strings.Builder
	h := len(d.Outputs)*tlRow + 4
	fmt.Fprintf(&b, `<svg class="distinct-chart" viewBox="0 0 %d %d" width="100%%" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, tlWidth, h, template.HTMLEscapeString(lang.T("result.distinct.aria", d.Runs)))
	for i, o := range d.Outputs {
		y := i*tlRow + 2
		w := float64(o.Count) / float64(max(d.Runs, 1)) * barMax
		first := ""
		if ls := match.Lines(o.Text); len(ls) > 0 {
			first = ls[0]
			if len(ls) > 1 {
				first += " …"
			}
		}
		fmt.Fprintf(&b, `<rect class="dc-bar" x="0" y="%d" width="%.1f" height="%d"><title>%s</title></rect>`, y, max(w, 1), tlRow-4,
			template.HTMLEscapeString(fmt.Sprintf("%d/%d: %s", o.Count, d.Runs, o.Text)))
		fmt.Fprintf(&b, `<text class="dc-count" x="%.1f" y="%d">%d</text>`, max(w, 1)+6, y+tlRow-7, o.Count)
		fmt.Fprintf(&b, `<text class="dc-text" x="%d" y="%d">%s</text>`, barMax+40, y+tlRow-7, template.HTMLEscapeString(clipRunes(first, tlLabel)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// clipRunes returns s cut to n runes, with "…" when cut.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
