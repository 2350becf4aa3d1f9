package compiled

import (
	"encoding/json"
	"go/parser"
	"go/scanner"
	"go/token"
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

// A buildEvent is one event of go build -json (see go help buildjson).
type buildEvent struct {
	ImportPath, Action, Output string
}

// parseBuild reads the events of go build -json and returns the compiler's
// messages, by program directory: those with a position, and the others.
// A program's messages are those of its package (bingfa.build/pKEY), and
// the messages of other packages whose path is in its directory (go build
// reports an import it cannot find, or a go:embed pattern without files,
// as the missing package's, at pKEY/main.go). An indented line continues
// the message before it. It returns go build's whole text output too.
func parseBuild(events string) (diags map[string][]diag, other map[string][]string, text string) {
	diags, other = map[string][]diag{}, map[string][]string{}
	var all strings.Builder
	last := "" // the directory of the last positioned message
	for dec := json.NewDecoder(strings.NewReader(events)); ; {
		var ev buildEvent
		if dec.Decode(&ev) != nil {
			return diags, other, all.String()
		}
		all.WriteString(ev.Output)
		own, _ := strings.CutPrefix(ev.ImportPath, modulePath+"/")
		for _, line := range strings.Split(strings.TrimSuffix(ev.Output, "\n"), "\n") {
			dir, d, ok := position(line)
			if dir == "" && own != ev.ImportPath {
				dir = own
			}
			switch {
			case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "# ") || dir == "":
			case ok:
				diags[dir] = append(diags[dir], d)
				last = dir
			case (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")) && last != "":
				ds := diags[last]
				ds[len(ds)-1].msg += "\n\t" + strings.TrimSpace(line)
			default:
				other[dir] = append(other[dir], line)
			}
		}
	}
}

// position splits a compiler message, [./][pKEY/]file.go:line[:col]: msg,
// into the program directory of its path (if it has one) and the message
// at its position. The positions of a program's own package are those of
// its //line directive (see named): a file name without a directory.
func position(s string) (string, diag, bool) {
	pos, msg, ok := strings.Cut(s, ": ")
	parts := strings.Split(pos, ":")
	if !ok || len(parts) < 2 || len(parts) > 3 {
		return "", diag{}, false
	}
	dir, file, nested := strings.Cut(strings.TrimPrefix(parts[0], "./"), "/")
	if !nested {
		dir, file = "", dir
	}
	d := diag{msg: msg}
	var err error
	if d.line, err = strconv.Atoi(parts[1]); err != nil || !strings.HasSuffix(file, ".go") || strings.Contains(file, "/") {
		return "", diag{}, false
	}
	if len(parts) == 3 {
		if d.col, err = strconv.Atoi(parts[2]); err != nil {
			return "", diag{}, false
		}
	}
	return dir, d, true
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
