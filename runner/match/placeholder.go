package match

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// A placeholder is one {{...}} of an expected line, other than {{...}}
// alone, {{soft}} and {{"text"}}, which the compiler turns into line flags
// and literal text.
type placeholder struct {
	src    string   // as written, for messages: {{int:child}}
	kind   string   // any, int, float, duration, range or choice
	name   string   // "" when unnamed; "~name" for a free name
	alts   []string // for a choice: the texts it may be
	lo, hi float64
	intish bool // a range with integer bounds: only integers match
}

var (
	nameRE     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	intRE      = regexp.MustCompile(`^[-+]?[0-9]+`)
	floatRE    = regexp.MustCompile(`^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|Inf|NaN)`)
	durationRE = regexp.MustCompile(`^-?(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|μs|ms|s|m|h))+`)
	rangeRE    = regexp.MustCompile(`^([-+]?[0-9]+(?:\.[0-9]*)?)\.\.([-+]?[0-9]+(?:\.[0-9]*)?)$`)
)

const placeholderHelp = `known: {{any}}, {{int}}, {{float}}, {{duration}}, {{A..B}}, {{"a"|"b"}}, {{KIND:NAME}}, {{KIND:~NAME}}, {{...}}, {{soft}}, {{"text"}}; a literal {{ is written {{"{{"}}`

// parsePlaceholder parses the inside of {{...}} (without the braces).
func parsePlaceholder(inner string) (*placeholder, error) {
	p := &placeholder{src: "{{" + inner + "}}"}
	kind, name, named := strings.Cut(inner, ":")
	if named {
		if err := p.setName(name); err != nil {
			return nil, err
		}
	}
	switch kind {
	case "any", "int", "float", "duration":
		p.kind = kind
		return p, nil
	}
	m := rangeRE.FindStringSubmatch(kind)
	if m == nil {
		return nil, fmt.Errorf("unknown placeholder %s (%s)", p.src, placeholderHelp)
	}
	p.kind = "range"
	p.lo, _ = strconv.ParseFloat(m[1], 64)
	p.hi, _ = strconv.ParseFloat(m[2], 64)
	p.intish = !strings.Contains(m[1], ".") && !strings.Contains(m[2], ".")
	if p.lo > p.hi {
		return nil, fmt.Errorf("empty range in %s: %s is greater than %s", p.src, m[1], m[2])
	}
	return p, nil
}

// candidates returns the lengths of the prefixes of s this placeholder can
// match, best first, or a reason why there is none.
func (p *placeholder) candidates(s string) ([]int, string) {
	switch p.kind {
	case "any":
		lens := make([]int, len(s)+1)
		for i := range lens {
			lens[i] = i
		}
		return lens, ""
	case "int":
		return token(intRE, s, "an integer")
	case "float":
		return token(floatRE, s, "a number")
	case "duration":
		return token(durationRE, s, "a duration such as 1.5ms")
	case "choice":
		return p.choices(s)
	}
	return p.inRange(s)
}

// token matches a whole token: numbers and durations never stop early.
func token(re *regexp.Regexp, s, what string) ([]int, string) {
	if m := re.FindString(s); m != "" {
		return []int{len(m)}, ""
	}
	return nil, fmt.Sprintf("expected %s at %q", what, clip(s))
}

func (p *placeholder) inRange(s string) ([]int, string) {
	re := floatRE
	if p.intish {
		re = intRE
	}
	m := re.FindString(s)
	if m == "" {
		what := "a number"
		if p.intish {
			what = "an integer"
		}
		return nil, fmt.Sprintf("expected %s at %q", what, clip(s))
	}
	if p.intish && strings.HasPrefix(s[len(m):], ".") && len(s) > len(m)+1 && s[len(m)+1] >= '0' && s[len(m)+1] <= '9' {
		return nil, fmt.Sprintf("%s is not an integer", floatRE.FindString(s))
	}
	v, err := strconv.ParseFloat(m, 64)
	if err != nil || math.IsNaN(v) || v < p.lo || v > p.hi {
		return nil, fmt.Sprintf("%s is out of range", m)
	}
	return []int{len(m)}, ""
}

// clip shortens s for messages.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// found returns what the placeholder sees at the start of s, for
// messages: the number or duration there, or the rest of the line.
func (p *placeholder) found(s string) string {
	if p.kind == "any" {
		return clip(s)
	}
	if lens, _ := p.candidates(s); len(lens) > 0 {
		return s[:lens[0]]
	}
	return clip(s)
}
