package cell

import "testing"

// TestParts: declarations and imports on one side, in order; statements
// (a function literal too) on the other.
func TestParts(t *testing.T) {
	for _, c := range []struct{ code, decls, stmts string }{
		{"", "", ""},
		{"import \"fmt\"\n\nfunc f() int { return 1 }\n", "import \"fmt\"\n\nfunc f() int { return 1 }\n", ""},
		{"fmt.Println(1)\n", "", "fmt.Println(1)\n"},
		{"var n = 1\nfmt.Println(n)\n\n// g doubles\nfunc g(x int) int {\n\treturn 2 * x\n}\nfunc() { fmt.Println(g(n)) }()\n",
			"var n = 1\n\n// g doubles\nfunc g(x int) int {\n\treturn 2 * x\n}\n", "fmt.Println(n)\n\nfunc() { fmt.Println(g(n)) }()\n"},
	} {
		d, s := Parts(c.code)
		if d != c.decls || s != c.stmts {
			t.Errorf("Parts(%q) =\n%q\n%q\nwant\n%q\n%q", c.code, d, s, c.decls, c.stmts)
		}
	}
}
