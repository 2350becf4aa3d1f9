package lesson

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A word is one space-separated item of a fence's info string, with its
// double-quoted parts already unquoted.
type word struct {
	text string
	col  int // 0-based byte offset of the word within the info string
}

// key splits a word of the form key=value. A bare word has no value.
func (w word) key() (key, value string, hasValue bool) {
	return strings.Cut(w.text, "=")
}

// splitInfo splits an info string into words. Words are separated by
// spaces or tabs. Inside a word, a double-quoted part is a Go string literal
// and may hold spaces (args="-n 3", env=GREETING="hello world"); everything
// else is taken literally, backslashes included, so that regular
// expressions can be written unquoted (order-by=^(\w+):).
func splitInfo(info string) ([]word, error) {
	var words []word
	i := 0
	for i < len(info) {
		if info[i] == ' ' || info[i] == '\t' {
			i++
			continue
		}
		w, n, err := scanWord(info[i:])
		if err != nil {
			return nil, &infoError{col: i, msg: err.Error()}
		}
		words = append(words, word{text: w, col: i})
		i += n
	}
	return words, nil
}

// scanWord reads one word from the start of s and returns its text and the
// number of bytes consumed.
func scanWord(s string) (string, int, error) {
	var b strings.Builder
	i := 0
	for i < len(s) && s[i] != ' ' && s[i] != '\t' {
		if s[i] != '"' {
			b.WriteByte(s[i])
			i++
			continue
		}
		n, err := quotedLen(s[i:])
		if err != nil {
			return "", 0, err
		}
		v, err := strconv.Unquote(s[i : i+n])
		if err != nil {
			return "", 0, fmt.Errorf("bad quoted string %s: %v%s", s[i:i+n], err, backslashHint(s[i:i+n]))
		}
		b.WriteString(v)
		i += n
	}
	return b.String(), i, nil
}

// backslashHint explains a bad escape in a quoted value: the quotes make a
// Go string literal, so a regular expression's \d is written \\d.
func backslashHint(q string) string {
	if !strings.Contains(q, `\`) {
		return ""
	}
	return ` (a quoted value is a Go string literal: write \\ for a backslash)`
}

// quotedLen returns the length of the double-quoted string at the start of
// s, quotes included.
func quotedLen(s string) (int, error) {
	for i := 1; i < len(s); {
		switch s[i] {
		case '\\':
			i += 2
		case '"':
			return i + 1, nil
		default:
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	return 0, fmt.Errorf("unterminated quoted string %s", s)
}

// An infoError is a problem at a column of an info string; the parser turns
// it into an *Error at the fence's line.
type infoError struct {
	col int
	msg string
}

func (e *infoError) Error() string { return e.msg }

// splitArgs splits the value of args="..." into arguments the way a POSIX
// shell would split plain words: at spaces, with single quotes and double
// quotes grouping, and a backslash escaping the next character outside
// single quotes.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				args = append(args, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unterminated ' in args %q", s)
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			j := i + 1
			for ; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' && j+1 < len(s) {
					j++
				}
				cur.WriteByte(s[j])
			}
			if j >= len(s) {
				return nil, fmt.Errorf("unterminated \" in args %q", s)
			}
			i = j
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		args = append(args, cur.String())
	}
	return args, nil
}
