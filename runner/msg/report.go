package msg

import (
	"regexp"
	"strings"
)

// The runner's English messages that Report translates: each line of a
// report that matches a rule (the whole line) is replaced by the rule's
// message in the reader's language, with the rule's groups as arguments.
// The English catalogue holds the same text, so that a rule's pattern is
// derived from it: a %s in it matches any text.
var rules = []string{
	"run.build", "run.differs", "run.soft", "run.expline", "run.actline", "run.nomore",
	"run.extra", "run.unordered", "run.signal", "run.exit", "run.leftover",
	"run.race", "run.norace", "run.nopanic", "run.emptyline", "run.trailing",
	"run.ends", "run.anyrest", "run.bound", "run.deadlock", "run.panic",
	"run.found",
	"why.compiled.flag", "why.compiled.opt", "why.yaegi.opt", "why.yaegi.flag",
	"why.static", "why.cached", "why.buildonly", "why.nobuild", "why.fallback",
	"why.only", "why.exercise", "run.softshort", "why.acts", "why.reflects",
	"why.notin", "why.newer", "why.loop", "why.typecheck", "why.option",
	"why.pending", "why.nointerp",
}

type rule struct {
	key string
	re  *regexp.Regexp
}

var compiled = compileRules()

func compileRules() []rule {
	rs := make([]rule, 0, len(rules))
	for _, k := range rules {
		parts := strings.Split(en[k], "%s")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		rs = append(rs, rule{k, regexp.MustCompile("^" + strings.Join(parts, "(.*?)") + "$")})
	}
	return rs
}

// Report returns a message of the runner (a problem, a warning, why an
// engine ran a block), written in English, in language l: every line the
// catalogue knows is translated, the others (the program's text, a
// compiler's error) are kept. A "yaegi: " or "compiled: " or "both: "
// before a reason the catalogue knows is kept as the engine's name.
func (l Lang) Report(s string) string {
	if l == En || s == "" {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = l.reportLine(line)
	}
	return strings.Join(lines, "\n")
}

// reportLine translates one line: whole, or what follows a prefix ending
// in ": " (an engine's name, "path:line: block NAME: ", "warning: "),
// which is kept.
func (l Lang) reportLine(line string) string {
	body := strings.TrimLeft(line, " \t")
	indent := line[:len(line)-len(body)]
	if t, ok := l.translate(body); ok {
		return indent + t
	}
	for i := 0; i < len(body); i++ {
		j := strings.Index(body[i:], ": ")
		if j < 0 {
			break
		}
		i += j + 1
		if t, ok := l.translate(body[i+1:]); ok {
			return indent + l.prefix(body[:i+1]) + t
		}
	}
	return line
}

// where is the prefix of check's problems: "path:line: block NAME: ",
// then "warning: " for a warning (maybe coloured).
var where = regexp.MustCompile(`^(.*?:\d+: )block (.*?): ((?:\x1b\[\d+m)?)(warning: )?((?:\x1b\[0m)?)$`)

// prefix translates the words of a problem's prefix, keeping its
// position.
func (l Lang) prefix(p string) string {
	m := where.FindStringSubmatch(p)
	if m == nil {
		return p
	}
	s := m[1] + l.T("run.block", m[2]) + m[3]
	if m[4] != "" {
		s += l.T("run.warning")
	}
	return s + m[5]
}

func (l Lang) translate(line string) (string, bool) {
	for _, r := range compiled {
		m := r.re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			args[i] = g
		}
		return l.T(r.key, args...), true
	}
	return line, false
}
