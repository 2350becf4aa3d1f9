package compiled

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"bingfa/runner/engine"
)

// A diag is one compiler message at a position in a program's main.go.
type diag struct {
	line, col int
	msg       string
}

// at returns the diagnostic at its position in p's lesson.
func (d diag) at(p *engine.Program) engine.Diag {
	col := d.col
	if col > 0 {
		col += p.Col
	}
	line := p.LessonLine(d.line)
	if line == 0 {
		// A line the lesson does not have, such as the closing brace of
		// the main function assembled around a notebook cell: the message
		// goes to the nearest lesson line before it.
		col = 0
		for n := d.line - 1; n > 0 && line == 0; n-- {
			line = p.LessonLine(n)
		}
	}
	return engine.Diag{Path: p.Path, Line: line, Col: col, Msg: d.msg}
}

var (
	// A program's positions are those of its //line directive (see
	// named): a file name without the program's directory, which the
	// section line before them gives.
	diagRE    = regexp.MustCompile(`^(?:\./)?(?:(p[0-9a-f]+)/)?[\w.+-]+\.go:(\d+)(?::(\d+))?: (.*)$`)
	sectionRE = regexp.MustCompile(`^# ` + regexp.QuoteMeta(modulePath) + `/(p[0-9a-f]+)$`)
)

// parseDiags splits go build's output into positioned messages and other
// messages, by program directory. An indented line continues the message
// before it.
func parseDiags(out string) (map[string][]diag, map[string][]string) {
	diags := map[string][]diag{}
	other := map[string][]string{}
	section := ""
	for _, line := range strings.Split(out, "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			section = m[1]
			continue
		}
		if m := diagRE.FindStringSubmatch(line); m != nil && (m[1] != "" || section != "") {
			if m[1] != "" {
				section = m[1]
			}
			ln, _ := strconv.Atoi(m[2])
			col, _ := strconv.Atoi(m[3])
			diags[section] = append(diags[section], diag{line: ln, col: col, msg: m[4]})
			continue
		}
		if strings.TrimSpace(line) == "" || section == "" {
			continue
		}
		if strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ") {
			if ds := diags[section]; len(ds) > 0 {
				ds[len(ds)-1].msg += "\n\t" + strings.TrimSpace(line)
				continue
			}
		}
		other[section] = append(other[section], line)
	}
	return diags, other
}

// precheck parses p, so that syntax errors, blocks that are not a
// complete program and imports that cannot be built (see modules.go) are
// reported without starting a build.
func precheck(p *engine.Program) []engine.Diag {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", p.Source, parser.SkipObjectResolution)
	if err != nil {
		var diags []engine.Diag
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				msg := e.Msg
				if strings.HasPrefix(msg, "expected 'package'") {
					msg += ": a go block must be a complete program; mark fragments nobuild, or make the block a notebook cell (cell)"
				}
				diags = append(diags, diag{line: e.Pos.Line, col: e.Pos.Column, msg: msg}.at(p))
			}
			return diags
		}
		return []engine.Diag{{Path: p.Path, Line: p.Line, Msg: err.Error()}}
	}
	if f.Name.Name != "main" {
		pos := fset.Position(f.Name.Pos())
		return []engine.Diag{diag{line: pos.Line, col: pos.Column,
			msg: "a go block must be a complete program (package main, not package " + f.Name.Name + "); mark fragments nobuild"}.at(p)}
	}
	return checkImports(p, fset, f)
}
