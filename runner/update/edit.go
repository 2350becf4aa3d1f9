package update

import (
	"bytes"
	"sort"

	"bingfa/runner/lesson"
)

// An edit replaces the bytes src[start:end] of a lesson by text.
type edit struct {
	start, end int
	text       []byte
}

// apply returns src with the edits made. Edits must not overlap; an
// insertion (start == end) at the end of another edit comes after it.
func apply(src []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b bytes.Buffer
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.start])
		b.Write(e.text)
		last = e.end
	}
	b.Write(src[last:])
	return b.Bytes()
}

// An editor collects the edits to a lesson's source, and the errors of
// those that cannot be made: reported together, at their lines.
type editor struct {
	edits []edit
	errs  lesson.ErrorList
}

// add adds e, or the error err (a *lesson.Error); nothing when changed
// says that there is nothing to change.
func (ed *editor) add(e edit, changed bool, err error) {
	switch {
	case err != nil:
		ed.errs = append(ed.errs, err.(*lesson.Error))
	case changed:
		ed.edits = append(ed.edits, e)
	}
}

// apply returns src with the edits made, or the errors.
func (ed *editor) apply(src []byte) ([]byte, error) {
	if err := ed.errs.Err(); err != nil {
		return nil, err
	}
	return apply(src, ed.edits), nil
}
