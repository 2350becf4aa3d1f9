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
	"why.only", "why.exercise",
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

func (l Lang) reportLine(line string) string {
	if t, ok := l.translate(line); ok {
		return t
	}
	for _, engine := range []string{"yaegi: ", "compiled: ", "both: "} {
		if rest, ok := strings.CutPrefix(line, engine); ok {
			if t, ok := l.translate(rest); ok {
				return engine + t
			}
		}
	}
	return line
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
