package static

import (
	"strings"
	"testing"

	"bingfa/runner/route/static/internal/yaegisyms"
)

// TestGeneratedSymbols checks that symbols_gen.go still lists the names
// of yaegi's own tables (rerun go generate after a change of yaegi).
func TestGeneratedSymbols(t *testing.T) {
	want := yaegisyms.Names()
	for pkg, names := range want {
		if got := strings.Fields(yaegiNames[pkg]); strings.Join(got, " ") != strings.Join(names, " ") {
			t.Errorf("package %q: symbols_gen.go has %d names, yaegi %d: run go generate in runner/route/static", pkg, len(got), len(names))
		}
	}
	for pkg := range yaegiNames {
		if _, ok := want[pkg]; !ok {
			t.Errorf("package %q is in symbols_gen.go, not in yaegi: run go generate in runner/route/static", pkg)
		}
	}
}
