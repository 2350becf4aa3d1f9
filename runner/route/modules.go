package route

import (
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"bingfa/runner/engine"
)

// moduleRule returns why p is compiled when it imports a package outside
// the standard library (the modules bingfa requires, see package
// compiled), and the source line of that import; or "". yaegi has
// symbols for the standard library only, and the type checker knows only
// its export data.
func moduleRule(p *engine.Program) (string, int) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", p.Source, parser.ImportsOnly)
	if err != nil {
		return "", 0
	}
	for _, s := range f.Imports {
		path, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			continue
		}
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			return "package " + path + " is outside the standard library (yaegi has none of its symbols)", fset.Position(s.Pos()).Line
		}
	}
	return "", 0
}
