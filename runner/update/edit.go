package update

import (
	"bytes"
	"sort"
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
