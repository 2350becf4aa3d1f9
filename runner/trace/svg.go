package trace

import (
	"fmt"
	"html"
	"io"
	"strings"
	"time"
)

// The geometry of an SVG picture, in pixels.
const (
	svgWidth   = 760
	svgLabel   = 150 // the column of lane names
	svgPlot    = svgWidth - svgLabel - 10
	svgLane    = 14
	svgGap     = 4
	svgAxis    = 18
	svgStrip   = 28 // the "running at once" strip
	svgLegend  = 22
	svgColumns = svgPlot / 2 // one run per two pixels at most
)

// colours of segment kinds; blocked kinds by why.
var colours = map[kind]string{
	{Running, WhyNone}:    "#2e9e5b",
	{Runnable, WhyNone}:   "#f0c36d",
	{Syscall, WhyNone}:    "#9b6bd1",
	{Blocked, WhyChannel}: "#6b9bd1",
	{Blocked, WhySync}:    "#d66b6b",
	{Blocked, WhySleep}:   "#c8c8c8",
	{Blocked, WhyNetwork}: "#5bb5b0",
	{Blocked, WhyGC}:      "#e8945a",
	{Blocked, WhyOther}:   "#a0a0a0",
	{Blocked, WhyNone}:    "#a0a0a0",
}

// SVG writes t as a self-contained SVG picture in the language lang.
func (t *Trace) SVG(w io.Writer, lang string) error {
	words := words(lang)
	lanes, hidden := t.shown()
	top := svgAxis
	stripTop := top + len(lanes)*(svgLane+svgGap) + 6
	height := stripTop + svgStrip + svgLegend + 8
	if hidden > 0 {
		height += 16
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="trace" viewBox="0 0 %d %d" width="%d" height="%d" font-family="sans-serif" font-size="11" role="img">`+"\n", svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, "<title>%s</title>\n", esc(words["lanes"]))
	t.axis(&b)
	for i, l := range lanes {
		t.lane(&b, l, top+i*(svgLane+svgGap), words)
	}
	t.strip(&b, stripTop, words)
	y := stripTop + svgStrip + 16
	if hidden > 0 {
		fmt.Fprintf(&b, `<text x="4" y="%d" fill="#666">%s</text>`+"\n", y, esc(fmt.Sprintf(words["hidden"], hidden)))
		y += 16
	}
	legend(&b, y, words)
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// x is the horizontal position of column c.
func x(c int) float64 { return svgLabel + float64(c)*svgPlot/svgColumns }

// axis draws the time axis: five ticks from 0 to the trace's duration.
func (t *Trace) axis(b *strings.Builder) {
	for i := range 5 {
		px := svgLabel + float64(i)*svgPlot/4
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case 4:
			anchor = "end"
		}
		d := round(t.Duration * time.Duration(i) / 4)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>`+"\n", px, svgAxis-4, px, svgAxis)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="%s" fill="#666">%s</text>`+"\n", px, svgAxis-6, anchor, d)
	}
}

// lane draws one goroutine at height y, as a group of class lane.
func (t *Trace) lane(b *strings.Builder, l *Lane, y int, words map[string]string) {
	fmt.Fprintf(b, `<g class="lane" data-goroutine="%d">`+"\n", l.ID)
	fmt.Fprintf(b, `<text x="4" y="%d" fill="#333"><title>%s</title>%s</text>`+"\n", y+svgLane-3, esc(l.Name), esc(clip(l.Name, 22)))
	for _, r := range columns(l, t.Duration, svgColumns) {
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
			x(r.from), y, x(r.to)-x(r.from), svgLane, colours[kindOf(r.seg)], esc(describe(l, r, words)))
	}
	b.WriteString("</g>\n")
}

// describe is the hover text of a run.
func describe(l *Lane, r run, words map[string]string) string {
	s := r.seg
	what := words["blocked"]
	switch s.State {
	case Running:
		what = fmt.Sprintf("%s %s P%d", words["running"], words["on"], s.Proc)
	case Runnable:
		what = words["runnable"]
	case Syscall:
		what = words["syscall"]
	default:
		if s.Reason != "" {
			what += ": " + s.Reason
		}
	}
	return fmt.Sprintf("%s · %s · %s", l.Name, what, round(r.dur))
}

// strip draws how many goroutines ran at once, as a step line under the
// lanes, scaled to GOMAXPROCS (or the most seen, if more).
func (t *Trace) strip(b *strings.Builder, top int, words map[string]string) {
	steps := t.Concurrency()
	most := maxOf(steps)
	scale := max(t.GOMAXPROCS, most, 1)
	fmt.Fprintf(b, `<text x="4" y="%d" fill="#333">%s ≤ %d</text>`+"\n", top+svgStrip/2+4, esc(words["atonce"]), most)
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#f4f4f4"/>`+"\n", svgLabel, top, svgPlot, svgStrip)
	if t.Duration <= 0 || len(steps) == 0 {
		return
	}
	var path strings.Builder
	fmt.Fprintf(&path, "M%d %d", svgLabel, top+svgStrip)
	for _, s := range steps {
		px := svgLabel + float64(s.At)*svgPlot/float64(t.Duration)
		py := float64(top+svgStrip) - float64(s.N)*svgStrip/float64(scale)
		fmt.Fprintf(&path, "H%.1fV%.1f", px, py)
	}
	fmt.Fprintf(&path, "H%dV%dZ", svgLabel+svgPlot, top+svgStrip)
	fmt.Fprintf(b, `<path d="%s" fill="#2e9e5b" fill-opacity="0.6"><title>%s ≤ %d / GOMAXPROCS %d</title></path>`+"\n", path.String(), esc(words["atonce"]), most, t.GOMAXPROCS)
}

// legend draws the colours' meanings in one row at height y.
func legend(b *strings.Builder, y int, words map[string]string) {
	items := []struct {
		k    kind
		word string
	}{
		{kind{Running, WhyNone}, "running"},
		{kind{Runnable, WhyNone}, "runnable"},
		{kind{Blocked, WhyChannel}, "chan"},
		{kind{Blocked, WhySync}, "sync"},
		{kind{Blocked, WhySleep}, "sleep"},
		{kind{Syscall, WhyNone}, "syscall"},
	}
	px := 4
	for _, it := range items {
		label := words[it.word]
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d" fill="#333">%s</text>`+"\n", px, y-9, colours[it.k], px+14, y, esc(label))
		px += 14 + 12*len([]rune(label)) + 10
	}
}

func esc(s string) string { return html.EscapeString(s) }
