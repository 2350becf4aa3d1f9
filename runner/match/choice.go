package match

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// setName names a placeholder: NAME, or ~NAME for a free name, whose value
// may be the same as another name's.
func (p *placeholder) setName(name string) error {
	bare := strings.TrimPrefix(name, "~")
	if !nameRE.MatchString(bare) {
		return fmt.Errorf("bad name in %s: a name is a letter or '_' followed by letters, digits or '_' (after ~ for a free name)", p.src)
	}
	p.name = name
	return nil
}

// free reports whether a name may have the same value as another name.
func free(name string) bool { return strings.HasPrefix(name, "~") }

// scanQuoted reads {{"text"}}, literal text, or a choice of texts
// {{"a"|"b"}}, optionally named: {{"a"|"b":day}}.
func scanQuoted(s string) (string, *placeholder, int, error) {
	var alts []string
	i := 2
	for {
		n, v, ok := quoted(s[i:])
		if !ok {
			return "", nil, 0, fmt.Errorf(`bad literal %s: write {{"text"}} with a Go string literal, or a choice {{"a"|"b"}}`, clip(s))
		}
		alts = append(alts, v)
		i += n
		if !strings.HasPrefix(s[i:], "|") {
			break
		}
		i++
	}
	name := ""
	if strings.HasPrefix(s[i:], ":") {
		end := strings.Index(s[i:], "}}")
		if end < 0 {
			return "", nil, 0, fmt.Errorf("unclosed placeholder %s", clip(s))
		}
		name, i = s[i+1:i+end], i+end
	}
	if !strings.HasPrefix(s[i:], "}}") {
		return "", nil, 0, fmt.Errorf(`bad literal %s: write {{"text"}} with a Go string literal, or a choice {{"a"|"b"}}`, clip(s))
	}
	n := i + 2
	if len(alts) == 1 && name == "" {
		return alts[0], nil, n, nil
	}
	p := &placeholder{src: s[:n], kind: "choice", alts: alts}
	if name != "" {
		if err := p.setName(name); err != nil {
			return "", nil, 0, err
		}
	}
	return "", p, n, nil
}

// quoted reads the Go string literal at the start of s.
func quoted(s string) (int, string, bool) {
	if !strings.HasPrefix(s, `"`) {
		return 0, "", false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			return i + 1, v, err == nil
		}
	}
	return 0, "", false
}

// choices returns the lengths of the alternatives that s starts with,
// longest first.
func (p *placeholder) choices(s string) ([]int, string) {
	var lens []int
	for _, a := range p.alts {
		if strings.HasPrefix(s, a) {
			lens = append(lens, len(a))
		}
	}
	if lens == nil {
		return nil, fmt.Sprintf("expected one of %s at %q", strings.Join(quoteAll(p.alts), ", "), clip(s))
	}
	sort.Sort(sort.Reverse(sort.IntSlice(lens)))
	return lens, ""
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
