package cell

import (
	"go/token"
	"strings"
)

// A use is one declaration kept in a program, for finding what a cell
// depends on.
type use struct {
	cell  int      // the index of the cell that declares it
	names []name   // what it defines
	refs  []string // the identifiers in it
}

// depends returns the indices of the cells before last whose
// declarations cell last uses (in its statements or its own
// declarations), directly or through other declarations, in order. An identifier is taken to refer to every
// declaration of that name (and a type to all its methods), which may
// add a cell the program does not strictly need, never leave one out.
func depends(uses []use, stmts []chunk, last int) []int {
	var want []string
	for _, c := range stmts {
		want = append(want, idents(c.text())...)
	}
	for _, u := range uses {
		if u.cell == last {
			want = append(want, u.refs...)
		}
	}
	needed := map[string]bool{}
	done := make([]bool, len(uses))
	cells := map[int]bool{}
	for len(want) > 0 {
		id := want[len(want)-1]
		want = want[:len(want)-1]
		if needed[id] {
			continue
		}
		needed[id] = true
		for i, u := range uses {
			if !done[i] && u.defines(id) {
				done[i] = true
				cells[u.cell] = true
				want = append(want, u.refs...)
			}
		}
	}
	var out []int
	for i := range last {
		if cells[i] {
			out = append(out, i)
		}
	}
	return out
}

// defines reports whether the declaration defines id, or is a method of
// the type id.
func (u use) defines(id string) bool {
	for _, n := range u.names {
		if n.id == id || strings.HasPrefix(n.id, id+".") {
			return true
		}
	}
	return false
}

// idents returns the identifiers in Go code.
func idents(code string) []string {
	var out []string
	for _, t := range scan(code) {
		if t.tok == token.IDENT {
			out = append(out, t.lit)
		}
	}
	return out
}
