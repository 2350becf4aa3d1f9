package cell

import (
	"fmt"
	"maps"
	"strings"
	"sync"
)

// A Cell is the code of one notebook cell and where it is in its lesson.
type Cell struct {
	Code string // the cell's code, with LF line endings
	Line int    // the lesson line of the code's first line
}

// A Program is the complete program of a cell.
type Program struct {
	Source []byte // package main
	// Lines[i] is the lesson line of source line i+1, or 0 for a line
	// that assembling added (package main, func main() {, ...).
	Lines []int
	// Depends holds the indices of the earlier cells whose declarations
	// the cell uses (in its statements or its own declarations),
	// directly or through other declarations, in order.
	Depends []int
}

// An Error is a cell that cannot be made into a program, at a lesson line.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// An Assembler assembles the cells of lessons, parsing each cell once: it
// keeps what it found in each cell it parsed, by the cell's code and line.
// The zero Assembler is ready to use; it is safe for concurrent use.
type Assembler struct {
	mu     sync.Mutex
	parsed map[Cell]*cellParts // at most maxCells (edited cells come and go)
}

const maxCells = 4096

// Assemble returns the program of cell this, which comes after the cells
// earlier (in lesson order): the declarations of all of them, the newest
// winning, the imports they use, and a main that runs the statements of
// this cell. It fails when a cell has a package clause or declares main.
func (a *Assembler) Assemble(earlier []Cell, this Cell) (*Program, error) {
	var parts []*cellParts
	for _, c := range append(earlier[:len(earlier):len(earlier)], this) {
		p := a.parse(c)
		if p.err != nil {
			return nil, p.err
		}
		parts = append(parts, p)
	}
	decls, uses := newest(parts)
	stmts := parts[len(parts)-1].stmts
	body := mainFunc(stmts)
	var w writer
	w.add("package main", 0)
	w.add("", 0)
	writeImports(&w, parts, uses, body)
	for _, c := range decls {
		w.chunk(c)
		w.add("", 0)
	}
	for _, c := range body {
		w.chunk(c)
	}
	return &Program{Source: []byte(w.src.String()), Lines: w.lines, Depends: depends(uses, stmts, len(earlier))}, nil
}

// cellParts are the chunks of one cell, sorted out.
type cellParts struct {
	decls   []chunk
	names   [][]name          // names[i]: what decls[i] defines
	bases   []map[string]bool // bases[i]: the selector bases of decls[i]; nil if it does not parse
	imports []importSpec
	opaque  []chunk    // import chunks that do not parse, kept as written
	refs    [][]string // refs[i]: the identifiers in decls[i]
	stmts   []chunk
	err     error // why the cell cannot be assembled
}

// parse returns the parts of cell c, parsing it if a has not yet.
func (a *Assembler) parse(c Cell) *cellParts {
	a.mu.Lock()
	defer a.mu.Unlock()
	if p, ok := a.parsed[c]; ok {
		return p
	}
	if a.parsed == nil || len(a.parsed) >= maxCells {
		a.parsed = map[Cell]*cellParts{}
	}
	a.parsed[c] = parse(c)
	return a.parsed[c]
}

// parse splits a cell and sorts its chunks out.
func parse(c Cell) *cellParts {
	p := &cellParts{}
	for _, ch := range split(c.Code, c.Line) {
		switch ch.kind {
		case clause:
			return &cellParts{err: &Error{Line: ch.head, Msg: "a cell has no package clause: every cell is part of package main"}}
		case imports:
			specs, ok := importSpecs(ch)
			if !ok {
				p.opaque = append(p.opaque, ch)
			}
			p.imports = append(p.imports, specs...)
		case decl:
			ns, bases := names(ch)
			for _, n := range ns {
				if n.id == "main" {
					return &cellParts{err: &Error{Line: n.at, Msg: "a cell does not declare main: its statements are the body of main"}}
				}
			}
			p.decls = append(p.decls, ch)
			p.names = append(p.names, ns)
			p.bases = append(p.bases, bases)
			p.refs = append(p.refs, idents(ch.text()))
		case stmts:
			p.stmts = append(p.stmts, ch)
		}
	}
	return p
}

// newest returns the declarations of all cells in order, without those
// that a later cell redefines: a declaration is dropped when a later cell
// defines any of its names. It also returns what each kept declaration
// defines and refers to.
func newest(parts []*cellParts) ([]chunk, []use) {
	latest := map[string]int{} // name -> the last cell that defines it
	for i, p := range parts {
		for _, ns := range p.names {
			for _, n := range ns {
				latest[n.id] = i
			}
		}
	}
	var out []chunk
	var uses []use
	for i, p := range parts {
	decls:
		for j, c := range p.decls {
			for _, n := range p.names[j] {
				if latest[n.id] != i {
					continue decls
				}
			}
			out = append(out, c)
			uses = append(uses, use{cell: i, names: p.names[j], refs: p.refs[j], bases: p.bases[j]})
		}
	}
	return out, uses
}

// mainFunc returns func main, whose body is the statements.
func mainFunc(stmts []chunk) []chunk {
	if len(stmts) == 0 {
		return []chunk{{lines: []string{"func main() {}"}}}
	}
	out := []chunk{{lines: []string{"func main() {"}}}
	out = append(out, stmts...)
	return append(out, chunk{lines: []string{"}"}})
}

// writeImports writes the imports of all cells that the program's code
// (the declarations kept and main's body) uses: one import per name, the
// newest; blank and dot imports always, and all of them when the code
// does not parse. Imports that do not parse are written as they are.
func writeImports(w *writer, parts []*cellParts, decls []use, body []chunk) {
	var order []string
	specs := map[string]importSpec{}
	var opaque []chunk
	for _, p := range parts {
		for _, s := range p.imports {
			if _, seen := specs[s.key()]; !seen {
				order = append(order, s.key())
			}
			specs[s.key()] = s
		}
		opaque = append(opaque, p.opaque...)
	}
	var main chunk
	for _, c := range body {
		main.lines = append(main.lines, c.lines...)
	}
	f, _ := parseChunk(main)
	ok, used := f != nil, map[string]bool{}
	if ok {
		used = selectorBases(f)
	}
	for _, d := range decls {
		ok = ok && d.bases != nil
		maps.Copy(used, d.bases)
	}
	var keep []importSpec
	for _, k := range order {
		if s := specs[k]; !ok || s.always() || used[s.name] {
			keep = append(keep, s)
		}
	}
	if len(keep) > 0 {
		w.add("import (", 0)
		for _, s := range keep {
			w.add("\t"+s.text, s.at)
		}
		w.add(")", 0)
		w.add("", 0)
	}
	for _, c := range opaque {
		w.chunk(c)
		w.add("", 0)
	}
}

// A writer collects the program's source and its line map.
type writer struct {
	src   strings.Builder
	lines []int
}

func (w *writer) add(text string, at int) {
	w.src.WriteString(text)
	w.src.WriteByte('\n')
	w.lines = append(w.lines, at)
}

// chunk writes the lines of c, each at its lesson line (none if c.at is 0).
func (w *writer) chunk(c chunk) {
	for i, l := range c.lines {
		at := 0
		if c.at != 0 {
			at = c.at + i
		}
		w.add(l, at)
	}
}
