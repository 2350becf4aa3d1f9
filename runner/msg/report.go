package msg

import (
	"regexp"
	"slices"
	"strings"
	"sync"
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
	"run.found", "run.timeout", "run.memlimit", "run.tasklimit", "run.cpulimit",
	"why.compiled.flag", "why.compiled.opt", "why.yaegi.opt", "why.yaegi.flag",
	"why.static", "why.cached", "why.buildonly", "why.nobuild", "why.fallback",
	"why.only", "why.exercise", "run.softshort", "why.acts", "why.reflects",
	"run.tracediffers", "run.tracesoft", "run.notrace", "run.notraceshown", "why.trace",
	"why.notin", "why.module", "why.newer", "why.loop", "why.typecheck", "why.option",
	// The parts of the router's reasons, specific before general: the
	// first rule that matches is taken.
	"why.println", "why.builtin", "why.recover", "why.ptrlit", "why.recvreturn", "why.goloop",
	"why.go", "why.defer", "why.lateargs", "why.latefunc", "why.laterecv",
	"why.loopfunc", "why.loopaddr", "why.loopgo", "why.loopdefer",
	"why.genalias", "why.genfunc", "why.gencall", "why.gentype",
	"why.stdmethod", "why.reflmethod", "why.refltype", "why.tag",
	"why.embedded", "why.assertion", "why.switch", "why.toiface", "why.toown",
	"why.methodexpr", "why.methodval", "why.ifacevalue", "why.unknown",
	"why.racedet", "why.exit2", "why.testblock", "why.client", "why.took",
	"why.files", "why.stdin", "why.signal", "why.env", "why.select",
	"why.slog", "why.observes", "why.args0", "why.format", "why.utf8",
	"why.proc", "why.intdiv", "why.panicnil", "why.loopvar", "why.rangeint",
	"why.rangefunc", "why.featdetail", "why.feature", "why.pkg", "why.method",
	"why.field", "why.type", "why.func", "why.const", "why.var",
	"why.python", "why.nopython", "why.pynopath", "why.pynorun", "why.pynot3",
	"why.pending", "why.nointerp",
	"why.server", "run.noserver", "run.serverdiffers", "run.servercompile",
	"run.disagree", "run.disagreediff", "run.noengine", "run.enginefail",
	"run.stoppedbuild", "run.stopped", "run.cellbroken", "run.cellmain", "run.cellpackage",
	"run.celldrift", "run.drift", "run.answer", "run.nowrite", "run.softfile", "run.flood",
	"run.nosignal", "run.othersignal", "run.tookwarn", "run.tooslow", "run.toofast",
	"run.notraceleft", "run.sometraces", "run.notmodule", "run.nocache", "run.notmain",
	"run.diffwantsorted", "run.diffwant", "run.diffgotofsorted", "run.diffgotsorted",
	"run.diffgotof", "run.diffgot", "run.filerr",
	// Parts of a server's readiness.
	"run.readythen", "run.readyprint", "run.readyport",
}

// nested are the messages whose parts are messages in turn (as a
// reason's are): translated when a rule matches them.
var nested = map[string]bool{
	"run.noserver": true, "run.tookwarn": true, "run.answer": true, "run.enginefail": true,
	"run.notrace": true, "run.notraceshown": true, "run.readythen": true,
}

// verdicts are the messages whose arguments at these positions are
// verdicts ("pass", "fail"), said in the reader's language.
var verdicts = map[string][]int{"run.disagree": {1, 3}}

type rule struct {
	key string
	re  *regexp.Regexp
}

// compiled are the rules as regular expressions, compiled on first use:
// compiling them all took about 3 ms, paid by every process at start.
var compiled = sync.OnceValue(compileRules)

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
	var ends []int // the ends of the prefixes that end in ": "
	for i := 0; ; {
		j := strings.Index(body[i:], ": ")
		if j < 0 {
			break
		}
		i += j + 2
		ends = append(ends, i)
	}
	// A problem's position first, the longest that is one.
	for _, e := range slices.Backward(ends) {
		if where.MatchString(body[:e]) {
			if t, ok := l.translate(body[e:]); ok {
				return indent + l.prefix(body[:e]) + t
			}
		}
	}
	if t, ok := l.translate(body); ok {
		return indent + t
	}
	for _, e := range ends {
		if t, ok := l.translate(body[e:]); ok {
			return indent + l.prefix(body[:e]) + t
		}
	}
	return line
}

// where is the prefix of check's problems: "path:line: block NAME: ",
// then "warning: " for a warning (maybe coloured).
var where = regexp.MustCompile(`^(.*?:\d+: )block (.*?): ((?:\x1b\[\d+m)?)(warning: )?((?:\x1b\[0m)?)((?:compiled|yaegi|python): )?(?:run (\d+) of (\d+): )?$`)

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
	s += m[5] + m[6]
	if m[7] != "" {
		s += l.T("run.runof", m[7], m[8])
	}
	return s
}

// translate returns line in l when a rule matches it whole. The parts of
// a reason (why.*) are reasons in turn ("range over int (Go 1.22)" is the
// feature "range over int" and its release), translated when a rule
// matches them; other messages' parts are the program's text, kept as
// they are. A reason followed by " at " and a position (path:line) is
// translated with the position kept.
func (l Lang) translate(line string) (string, bool) { return l.translateAs(line, false) }

// translateAs translates line; a reason (Why) may be made of the rules
// that are only parts of reasons (parts), which a problem's text is not
// matched against: a program's or a compiler's text such as "type x is
// not an expression" must stay as it is.
func (l Lang) translateAs(line string, reason bool) (string, bool) {
	if m := at.FindStringSubmatch(line); m != nil {
		if t, ok := l.translateAs(m[1], reason); ok {
			return l.T("why.at", t, m[2]), true
		}
	}
	for _, r := range compiled() {
		if parts[r.key] && !reason {
			continue
		}
		m := r.re.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			args[i] = g
			if strings.HasPrefix(r.key, "why.") || nested[r.key] {
				args[i] = l.part(g)
			}
		}
		for _, i := range verdicts[r.key] {
			if k := "status." + m[i+1]; l.table()[k] != "" {
				args[i] = l.T(k)
			}
		}
		return l.T(r.key, args...), true
	}
	return line, false
}

// Why returns the reason an engine ran a block (check.Why's Reason, or
// its String with the position), written in English by the router, in
// language l; a reason the catalogue does not know is kept.
func (l Lang) Why(reason string) string {
	if l == En {
		return reason
	}
	if t, ok := l.translateAs(reason, true); ok {
		return t
	}
	return reason
}

// part translates a part of a message, which may follow an engine's
// name ("yaegi: a client of a server block"), kept as it is.
func (l Lang) part(s string) string {
	if t, ok := l.translateAs(s, true); ok {
		return t
	}
	if m := engineName.FindStringSubmatch(s); m != nil {
		if t, ok := l.translateAs(m[2], true); ok {
			return m[1] + t
		}
	}
	return s
}

var engineName = regexp.MustCompile(`^((?:compiled|yaegi|both|python): )(.+)$`)

// parts are the rules that match only a reason or a part of one: short
// phrases and patterns that a program's text could match too.
var parts = map[string]bool{
	"why.builtin": true, "why.go": true, "why.defer": true, "why.genalias": true,
	"why.genfunc": true, "why.gencall": true, "why.gentype": true, "why.tag": true,
	"why.embedded": true, "why.assertion": true, "why.switch": true, "why.toiface": true,
	"why.toown": true, "why.methodexpr": true, "why.methodval": true, "why.racedet": true,
	"why.select": true, "why.observes": true, "why.format": true, "why.panicnil": true,
	"why.loopvar": true, "why.rangeint": true, "why.rangefunc": true, "why.featdetail": true,
	"why.feature": true, "why.pkg": true, "why.method": true, "why.field": true,
	"why.type": true, "why.func": true, "why.const": true, "why.var": true,
	"run.readyprint": true, "run.readyport": true, "run.readythen": true,
}

// at is a reason followed by the position it is about.
var at = regexp.MustCompile(`^(.+) at (\S+:\d+)$`)
