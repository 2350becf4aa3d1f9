package term

import (
	"bingfa/runner/lesson"

	"github.com/yuin/goldmark/ast"
)

// folds reports whether hints are folded: the reader answers prompts.
func (r *Reader) folds() bool { return !r.All && r.input != nil }

// isHint reports whether q is an exercise's hint: it starts with a hint
// prefix (lesson.HintPrefix), and an exercise's code follows it in its section.
func (r *Reader) isHint(q *ast.Blockquote) bool {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return false
	}
	seg := p.Lines().At(0)
	if _, hint := lesson.HintPrefix(seg.Value(r.src)); !hint {
		return false
	}
	for n := q.NextSibling(); n != nil && n.Kind() != ast.KindHeading; n = n.NextSibling() {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && r.exerciseAt(fc.Pos()) {
			return true
		}
	}
	return false
}

// exerciseAt reports whether the fence at offset pos is an exercise's
// code.
func (r *Reader) exerciseAt(pos int) bool {
	for _, b := range r.lesson.Blocks {
		if at(b.Code, pos) {
			return b.Opts.Exercise
		}
	}
	return false
}

// foldHint keeps q, an exercise's hint, for the exercise's prompt to
// show on demand (h), and says that it is there.
func (r *Reader) foldHint(q *ast.Blockquote, prefix string) {
	r.hint, r.hintPrefix = q, prefix
	r.printf("%s%s\n\n", prefix, r.paint(yellow, r.t("term.hint.folded")))
}
