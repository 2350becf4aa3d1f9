package cell

import (
	"go/token"
	"strings"
)

// A use is one declaration kept in a program, for finding what a cell
// depends on.
type use struct {
	cell  int             // the index of the cell that declares it
	names []name          // what it defines
	refs  []string        // the identifiers in it
	bases map[string]bool // its selector bases; nil when it does not parse
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
	index := map[string][]int{} // name -> the uses that define it
	for i, u := range uses {
		for _, n := range u.names {
			index[n.id] = append(index[n.id], i)
			if typ, _, ok := strings.Cut(n.id, "."); ok {
				index[typ] = append(index[typ], i) // a type brings its methods
			}
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
		for _, i := range index[id] {
			if !done[i] {
				done[i] = true
				cells[uses[i].cell] = true
				want = append(want, uses[i].refs...)
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
