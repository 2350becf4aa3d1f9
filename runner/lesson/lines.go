package lesson

import "sort"

// lineIndex converts byte offsets of a source into 1-based line and column
// numbers. goldmark reports positions as byte offsets into the original
// source; they are converted once, here.
type lineIndex []int // offsets at which each line starts

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line returns the 1-based line holding offset off.
func (idx lineIndex) line(off int) int {
	return sort.Search(len(idx), func(i int) bool { return idx[i] > off })
}

// start returns the offset at which the 1-based line n starts.
func (idx lineIndex) start(n int) int {
	if n-1 >= len(idx) {
		return idx[len(idx)-1]
	}
	return idx[n-1]
}
