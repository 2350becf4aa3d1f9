package render

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchName is the name of the script holding the search index, in the
// assets directory. It assigns the global BINGFA_SEARCH, so that a page
// opened from file:// loads it with a plain <script> (browsers refuse to
// fetch files from file:// pages).
const SearchName = "search-index.js"

// A SearchIndex is the search index of a course, as the page's script
// reads it: the sections of every lesson, and for each term the sections
// that contain it.
//
// Terms are what Terms returns: Chinese text has no spaces between words,
// so every pair of adjacent Han characters (a character bigram) is a term,
// and so is every single Han character; other text gives its words (runs
// of letters and digits), in lower case. A query is split the same way;
// the sections holding all its terms are candidates, and the script keeps
// those whose text contains each word of the query.
type SearchIndex struct {
	Docs  []SearchDoc      `json:"docs"`
	Terms map[string][]int `json:"terms"`
}

// A SearchDoc is one section of a lesson: where it is, and its text.
type SearchDoc struct {
	URL    string `json:"u"` // the page URL with the section's fragment
	Lesson string `json:"l"` // the lesson's title
	Title  string `json:"s"` // the section's heading ("" before the first)
	Text   string `json:"x"`
	// Code is the words of the section's code (identifiers, lower-case,
	// each once), so that a search for Getppid finds the section whose
	// program calls it; it is not shown.
	Code string `json:"c,omitempty"`
}

// NewSearchIndex builds the search index of the given pages.
func NewSearchIndex(pages []*Page) *SearchIndex {
	ix := &SearchIndex{Docs: []SearchDoc{}, Terms: map[string][]int{}}
	for _, p := range pages {
		for _, s := range p.Sections {
			u := p.URL
			if s.ID != "" {
				u += "#" + s.ID
			}
			ix.add(SearchDoc{URL: u, Lesson: p.Title, Title: s.Title, Text: s.Text, Code: codeWords(s.Code)})
		}
	}
	return ix
}

// codeWords returns the distinct words of code that are not Han text, in
// lower case, separated by spaces.
func codeWords(code string) string {
	var ws []string
	for _, t := range Terms(code) {
		if r, _ := utf8.DecodeRuneInString(t); !unicode.Is(unicode.Han, r) {
			ws = append(ws, t)
		}
	}
	return strings.Join(ws, " ")
}

func (ix *SearchIndex) add(d SearchDoc) {
	n := len(ix.Docs)
	ix.Docs = append(ix.Docs, d)
	for _, t := range Terms(d.Title + "\n" + d.Text + "\n" + d.Code) {
		if ps := ix.Terms[t]; len(ps) == 0 || ps[len(ps)-1] != n {
			ix.Terms[t] = append(ps, n)
		}
	}
}

// WriteJS writes the index as a script assigning window.BINGFA_SEARCH.
func (ix *SearchIndex) WriteJS(w io.Writer) error {
	b, err := json.Marshal(ix)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "window.BINGFA_SEARCH = "+string(b)+";\n")
	return err
}

// Terms returns the distinct index terms of text, in order of first
// appearance: Han characters and bigrams, and lower-case words.
func Terms(text string) []string {
	var terms []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			terms = append(terms, t)
		}
	}
	var prev rune // the previous Han character, or 0
	var word []rune
	flush := func() {
		if len(word) > 0 {
			add(string(word))
			word = word[:0]
		}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			add(string(r))
			if prev != 0 {
				add(string([]rune{prev, r}))
			}
			prev = r
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			word = append(word, unicode.ToLower(r))
		default:
			flush()
		}
		prev = 0
	}
	flush()
	return terms
}

// Search returns the URLs of the sections that match query, as the page's
// script finds them: the sections holding every term of the query whose
// text contains each of its words. It is the reference the script is
// tested against.
func (ix *SearchIndex) Search(query string) []string {
	terms := Terms(query)
	if len(terms) == 0 {
		return nil
	}
	cand := ix.Terms[terms[0]]
	for _, t := range terms[1:] {
		cand = slices.DeleteFunc(slices.Clone(cand), func(d int) bool { return !slices.Contains(ix.Terms[t], d) })
	}
	var urls []string
	for _, d := range cand {
		doc := ix.Docs[d]
		text := strings.ToLower(doc.Title + "\n" + doc.Text + "\n" + doc.Code)
		ok := true
		for _, w := range strings.Fields(strings.ToLower(query)) {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			urls = append(urls, doc.URL)
		}
	}
	return urls
}
