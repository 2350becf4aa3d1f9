package match

import (
	"fmt"
	"regexp"
	"strings"
)

// Options say how the lines of the output are ordered.
type Options struct {
	Unordered bool           // lines form a multiset
	OrderBy   *regexp.Regexp // partial order by the first capture group
}

// A Pattern is compiled expected output.
type Pattern struct {
	lines   []*line
	opts    Options
	maxWork int // the bytes one match may compare; 0 means maxWork
}

// A line is one expected line.
type line struct {
	idx  int // index among the pattern's lines
	no   int // 1-based line number within the expected text
	raw  string
	segs []seg
	soft bool // {{soft}}
	many bool // {{...}}: any number of lines
	key  string
	keyd bool // has an order-by key
}

// A seg is a piece of an expected line: literal text or a placeholder.
type seg struct {
	lit string
	ph  *placeholder
}

// A SyntaxError is a malformed placeholder, at a line (1-based, within the
// expected text) and column (1-based, in bytes).
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d:%d: %s", e.Line, e.Col, e.Msg) }

// Compile compiles expected output.
func Compile(expected string, opts Options) (*Pattern, error) {
	texts, numbers := NumberedLines(expected)
	p := &Pattern{opts: opts}
	for i, t := range texts {
		l, err := compileLine(t, numbers[i])
		if err != nil {
			return nil, err
		}
		l.idx = i
		if l.many && opts.OrderBy != nil {
			return nil, &SyntaxError{Line: l.no, Col: 1, Msg: "{{...}} cannot be used with order-by"}
		}
		if opts.OrderBy != nil {
			l.key, l.keyd = orderKey(opts.OrderBy, l.text())
		}
		p.lines = append(p.lines, l)
	}
	return p, nil
}

// compileLine splits one expected line into literal text and placeholders.
func compileLine(t string, no int) (*line, error) {
	l := &line{no: no, raw: t}
	if strings.TrimSpace(t) == "{{...}}" {
		l.many = true
		return l, nil
	}
	if rest, ok := strings.CutPrefix(t, "{{soft}}"); ok {
		l.soft, t = true, rest
	}
	var lit strings.Builder
	for i := 0; i < len(t); {
		j := strings.Index(t[i:], "{{")
		if j < 0 {
			lit.WriteString(t[i:])
			break
		}
		lit.WriteString(t[i : i+j])
		i += j
		text, ph, n, err := scanPlaceholder(t[i:])
		if err != nil {
			return nil, &SyntaxError{Line: no, Col: len(l.raw) - len(t) + i + 1, Msg: err.Error()}
		}
		i += n
		if ph == nil {
			lit.WriteString(text)
			continue
		}
		l.segs = appendLit(l.segs, lit.String())
		lit.Reset()
		l.segs = append(l.segs, seg{ph: ph})
	}
	l.segs = appendLit(l.segs, lit.String())
	return l, nil
}

func appendLit(segs []seg, s string) []seg {
	if s == "" {
		return segs
	}
	return append(segs, seg{lit: s})
}

// scanPlaceholder reads the placeholder at the start of s ("{{..."). It
// returns literal text for {{"text"}}, a placeholder otherwise, and the
// number of bytes read.
func scanPlaceholder(s string) (lit string, ph *placeholder, n int, err error) {
	if strings.HasPrefix(s, `{{"`) {
		return scanQuoted(s)
	}
	end := strings.Index(s, "}}")
	if end < 0 {
		return "", nil, 0, fmt.Errorf("unclosed placeholder %s: a literal {{ is written {{%q}}", clip(s), "{{")
	}
	inner := s[2:end]
	switch inner {
	case "...":
		return "", nil, 0, fmt.Errorf("{{...}} must be alone on its line")
	case "soft":
		return "", nil, 0, fmt.Errorf("{{soft}} must start the line")
	}
	ph, err = parsePlaceholder(inner)
	return "", ph, end + 2, err
}

// orderKey returns the order-by key of a line: the first capture group.
func orderKey(re *regexp.Regexp, s string) (string, bool) {
	m := re.FindStringSubmatch(s)
	if m == nil || m[1] == "" {
		return "", false
	}
	return m[1], true
}

// text returns the line as written, without {{soft}}: the text its
// order-by key is computed from.
func (l *line) text() string {
	if l.soft {
		return strings.TrimPrefix(l.raw, "{{soft}}")
	}
	return l.raw
}

// literal returns the text of a line without placeholders.
func (l *line) literal() (string, bool) {
	switch {
	case l.many:
		return "", false
	case len(l.segs) == 0:
		return "", true
	case len(l.segs) == 1 && l.segs[0].ph == nil:
		return l.segs[0].lit, true
	}
	return "", false
}
