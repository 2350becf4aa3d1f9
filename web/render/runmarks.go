package render

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// The kinds of a Mark: a compile error (""), a line a race report names,
// a line a crash's stack names.
const (
	MarkRace  = "race"
	MarkCrash = "crash"
)

var (
	// frameRE is a position line of a Go stack, as a panic's trace and a
	// race report print it: "\tmain.go:6 +0xa", "      main.go:15 +0x7b".
	frameRE = regexp.MustCompile(`^\s+(\S+\.go):(\d+)(?: \+0x[0-9a-f]+)?\s*$`)
	// accessRE heads one of the conflicting accesses of a race report.
	accessRE = regexp.MustCompile(`^(Previous )?(?:(?i)atomic )?(Read|Write|read|write) at 0x[0-9a-f]+ by (goroutine (\d+)|main goroutine):$`)
	// crashRE is the first line of a panic or of a fatal error.
	crashRE = regexp.MustCompile(`^(?:panic|fatal error): (.*)$`)
	// goroutineRE heads one goroutine's stack in a crash's trace.
	goroutineRE = regexp.MustCompile(`^goroutine (\d+) \[([^\]]*)\]:$`)
	// yaegiRE is a position of a panic under the interpreter: "6:10: panic".
	yaegiRE = regexp.MustCompile(`^(\d+):(\d+): panic`)
)

// runMarks returns the marks of a run's output: the lines of the block's
// own code that a race report names (the first frame of each conflicting
// access) and those a crash's stack names (a panic's or a fatal error's:
// where it happened, the calls that led there, where each other goroutine
// stood). Marks are numbered as the editor numbers the code, with the
// message in lang. A notebook cell's program is assembled from several
// cells, so its positions are not the editor's: it has none.
func runMarks(b *lesson.Block, out string, lines int, lang msg.Lang) []Mark {
	if b.Opts.Cell {
		return nil
	}
	p := &marker{file: sourceName(b), lines: lines, lang: lang, seen: map[Mark]bool{}}
	for _, s := range strings.Split(out, "\n") {
		p.line(strings.TrimRight(s, "\r"))
	}
	p.interpreted()
	return p.marks
}

// sourceName returns the name positions give block b's source file.
func sourceName(b *lesson.Block) string {
	switch {
	case b.Opts.Test:
		return b.TestFileName()
	case b.Opts.FileName != "":
		return b.Opts.FileName
	}
	return "main.go"
}

// A marker reads a run's output line by line.
type marker struct {
	file  string
	lines int
	lang  msg.Lang
	marks []Mark
	seen  map[Mark]bool

	race      bool   // in a race report
	access    string // the message of the race access being read; "" when none
	crash     string // the crash's message, once its first line is read
	goroutine int    // stacks read since the crash's first line
	frame     int    // frames of the block's file in the current stack
	yaegi     []int  // the interpreter's panic positions, innermost first
}

func (p *marker) line(s string) {
	switch {
	case strings.HasPrefix(s, "WARNING: DATA RACE"):
		p.race, p.access = true, ""
	case strings.HasPrefix(s, "=================="):
		p.race, p.access = false, ""
	case p.race && accessRE.MatchString(s):
		p.access = p.raceMsg(accessRE.FindStringSubmatch(s))
	case p.race && s != "" && s[0] != ' ' && s[0] != '\t':
		p.access = "" // "Goroutine 8 (running) created at:"
	case p.crash == "" && crashRE.MatchString(s):
		p.crash, p.goroutine = crashRE.FindStringSubmatch(s)[1], 0
	case p.crash != "" && goroutineRE.MatchString(s):
		m := goroutineRE.FindStringSubmatch(s)
		p.goroutine++
		p.frame = 0
		if p.goroutine > 1 {
			p.access = p.lang.T("mark.goroutine", m[1], m[2])
		}
	case yaegiRE.MatchString(s):
		n, _ := strconv.Atoi(yaegiRE.FindStringSubmatch(s)[1])
		p.yaegi = append(p.yaegi, n)
	default:
		p.frameLine(s)
	}
}

// raceMsg returns the message of a race access (the submatches of
// accessRE).
func (p *marker) raceMsg(m []string) string {
	key := "mark.race." + strings.ToLower(m[2])
	if m[1] != "" {
		key += ".before"
	}
	who := m[3]
	if m[4] != "" {
		who = "goroutine " + m[4]
	}
	return p.lang.T(key, who)
}

// frameLine marks the line a stack frame names, when it is of the block's
// file and the frame is one to mark.
func (p *marker) frameLine(s string) {
	m := frameRE.FindStringSubmatch(s)
	if m == nil || path.Base(m[1]) != p.file {
		return
	}
	n, _ := strconv.Atoi(m[2])
	switch {
	case p.race && p.access != "":
		p.add(MarkRace, n, p.access)
		p.access = "" // the first frame of an access is where it is
	case !p.race && p.crash != "" && p.goroutine == 1:
		key := "mark.crash"
		if p.frame > 0 {
			key = "mark.crash.caller"
		}
		p.frame++
		p.add(MarkCrash, n, p.lang.T(key, p.crash))
	case !p.race && p.crash != "" && p.goroutine > 1 && p.frame == 0:
		p.frame++
		p.add(MarkCrash, n, p.access)
	}
}

// interpreted marks the positions of a panic under the interpreter, which
// come before its message.
func (p *marker) interpreted() {
	if p.crash == "" {
		return
	}
	for i, n := range p.yaegi {
		key := "mark.crash"
		if i > 0 {
			key = "mark.crash.caller"
		}
		p.add(MarkCrash, n, p.lang.T(key, p.crash))
	}
}

func (p *marker) add(kind string, line int, text string) {
	m := Mark{Line: line, Msg: text, Kind: kind}
	if line < 1 || line > p.lines || p.seen[m] {
		return
	}
	p.seen[m] = true
	p.marks = append(p.marks, m)
}
