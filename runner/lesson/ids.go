package lesson

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// IDs hands out element ids that are unique within one document. Ids
// keep every letter and digit of the text they are made from, Chinese
// included (goldmark's automatic ids keep only ASCII, so that every
// Chinese heading would become "heading-1"), in lower case, with runs of
// anything else turned into one "-".
//
// IDs is goldmark's parser.IDs of a lesson's document: Parse gives every
// heading its id with a new one. A page made of the document takes a new
// IDs, puts the headings' ids in it and makes the ids of its code cells
// with it, so that a cell never takes a heading's id.
type IDs struct {
	used map[string]bool
}

// NewIDs returns an IDs that has given out no id.
func NewIDs() *IDs { return &IDs{used: map[string]bool{}} }

// Generate implements parser.IDs: the id of a heading from its text.
func (s *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(s.Make(headingText(string(value)), "section"))
}

// Put implements parser.IDs: an id given explicitly in the document.
func (s *IDs) Put(value []byte) { s.used[string(value)] = true }

// Make returns a new unique id for text: its slug, or the slug followed by
// "-2", "-3"... when that is taken. Text without letters or digits gives
// fallback.
func (s *IDs) Make(text, fallback string) string {
	base := cmp.Or(slug(text), fallback)
	id := base
	for n := 2; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return id
}

// headingText drops the Markdown of a heading's source that is not text:
// code spans' backquotes, emphasis and link targets.
func headingText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '`', '*', '_', '[', ']':
			continue
		case '(':
			if i > 0 && s[i-1] == ']' {
				if j := strings.IndexByte(s[i:], ')'); j >= 0 {
					i += j
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// slug returns text in lower case with letters and digits kept and every
// run of other characters (spaces, punctuation, Chinese punctuation such
// as "：" and "，") replaced by one "-", without a leading or trailing "-".
func slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		dash = true
	}
	return b.String()
}
