package render

import (
	"slices"

	"bingfa/runner/msg"
)

// maxDiffLines is how many lines of each side of a diff a page shows. A
// program may print thousands of lines; a page that shows them all twice
// is megabytes that help no reader.
const maxDiffLines = 400

// clipDiff keeps, of each side of d longer than maxDiffLines, the lines
// from a little before its first changed (or failed) line on, with a gap
// line saying how many lines were left out before and after.
func clipDiff(d *Diff, lang msg.Lang) {
	d.Want = clipSide(d.Want, lang)
	d.Got = clipSide(d.Got, lang)
}

func clipSide(ls []DiffLine, lang msg.Lang) []DiffLine {
	if len(ls) <= maxDiffLines {
		return ls
	}
	first := max(0, slices.IndexFunc(ls, func(l DiffLine) bool { return l.Changed || l.Failed }))
	start := max(0, min(first-maxDiffLines/4, len(ls)-maxDiffLines))
	end := start + maxDiffLines
	var out []DiffLine
	if start > 0 {
		out = append(out, gap(start, lang))
	}
	out = append(out, ls[start:end]...)
	if end < len(ls) {
		out = append(out, gap(len(ls)-end, lang))
	}
	return out
}

// gap is the line of a diff's side that stands for n lines left out.
func gap(n int, lang msg.Lang) DiffLine {
	return DiffLine{Gap: true, HTML: esc(lang.T("result.gap", n))}
}
