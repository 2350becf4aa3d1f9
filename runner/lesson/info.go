package lesson

import (
	"fmt"
	"strings"
)

// A word is one space-separated item of a fence's info string, with its
// double-quoted parts already unquoted.
type word struct {
	text string
	raw  string // the word as written, for messages
	col  int    // 0-based byte offset of the word within the info string
}

// key splits a word of the form key=value. A bare word has no value.
func (w word) key() (key, value string, hasValue bool) {
	return strings.Cut(w.text, "=")
}

// splitInfo splits an info string into words. Words are separated by
// spaces or tabs. Inside a word, a double-quoted part may hold spaces
// (args="-n 3", env=GREETING="hello world"); within it, as within double
// quotes in a POSIX shell, \" is a quote and \\ a backslash, and every
// other backslash is kept as written, so that a regular expression reads
// the same quoted or not (order-by="^worker (\d+) ", order-by=^(\w+):).
// Outside quotes everything is taken literally, backslashes included.
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
		words = append(words, word{text: w, raw: info[i : i+n], col: i})
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
		n, err := unquote(&b, s[i:])
		if err != nil {
			return "", 0, err
		}
		i += n
	}
	return b.String(), i, nil
}

// unquote writes the value of the double-quoted part at the start of s to
// b and returns its length, quotes included: \" and \\ are escapes, and
// any other backslash stands for itself.
func unquote(b *strings.Builder, s string) (int, error) {
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '"':
			return i + 1, nil
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\'):
			i++
		}
		b.WriteByte(s[i])
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
