package lesson

import (
	"os"
	"testing"

	"bingfa/internal/golden"
)

// formatDoc is the reference for lesson authors, whose option tables are
// generated from the options table.
const formatDoc = "../../docs/format.md"

// TestFormatDoc fails when the option tables of docs/format.md are not
// those of the options table (go test -update rewrites them), the way
// cmd/go keeps its script-test README current.
func TestFormatDoc(t *testing.T) {
	src, err := os.ReadFile(formatDoc)
	if err != nil {
		t.Fatal(err)
	}
	got, err := UpdateDoc(string(src))
	if err != nil {
		t.Fatalf("%s: %v", formatDoc, err)
	}
	golden.File(t, formatDoc, []byte(got))
}

// TestOptionTable checks the rows of the options table: every row is
// documented in both languages and has a parser,
// and no two rows of one fence kind share a name.
func TestOptionTable(t *testing.T) {
	for _, k := range FenceKinds() {
		seen := map[string]bool{}
		for _, o := range OptionsOf(k) {
			t.Run(k.String()+"/"+o.Name, func(t *testing.T) {
				if seen[o.Name] {
					t.Errorf("two rows of %s fences are named %s", k, o.Name)
				}
				seen[o.Name] = true
				if o.En == "" || o.Zh == "" || o.set == nil {
					t.Errorf("row %s lacks its docs or its parser", o.Name)
				}
				if got := lookup(o.Name, k); got != o {
					t.Errorf("lookup(%s, %s) finds another row", o.Name, k)
				}
			})
		}
	}
}
