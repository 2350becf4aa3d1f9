package lesson

import (
	"fmt"
	"os"
	"strings"
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
	got, err := updateDoc(string(src))
	if err != nil {
		t.Fatalf("%s: %v", formatDoc, err)
	}
	golden.File(t, formatDoc, []byte(got))
}

// TestOptionTable checks the rows of the options table: every row is
// documented in both languages and has a parser,
// and no two rows of one fence kind share a name.
func TestOptionTable(t *testing.T) {
	for _, k := range fenceKinds() {
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

// docTable returns the Markdown table of the options of fence kind k, in
// lang ("en" or "zh"), as docs/format.md shows it between the markers
// <!-- options KIND LANG --> and <!-- end options -->.
func docTable(k Kinds, lang string) string {
	var b strings.Builder
	if lang == "zh" {
		b.WriteString("| 选项 | 含义 |\n|---|---|\n")
	} else {
		b.WriteString("| option | meaning |\n|---|---|\n")
	}
	for _, o := range OptionsOf(k) {
		doc := o.En
		if lang == "zh" {
			doc = o.Zh
		}
		// A | would end the table's cell, even in a code span.
		cell := strings.NewReplacer("|", `\|`)
		fmt.Fprintf(&b, "| `%s` | %s |\n", cell.Replace(o.Usage()), cell.Replace(doc))
	}
	return b.String()
}

// docMarker returns the line that opens the options table of kind k in
// lang in docs/format.md; docEnd closes it.
func docMarker(k Kinds, lang string) string {
	return fmt.Sprintf("<!-- options %s %s: generated from runner/lesson's options table by go test ./runner/lesson -update -->", k, lang)
}

// docEnd is the line after a generated options table.
const docEnd = "<!-- end options -->"

// fenceKinds returns every fence kind that takes options.
func fenceKinds() []Kinds {
	var ks []Kinds
	for i := range kindNames {
		if k := Kinds(1 << i); len(OptionsOf(k)) > 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

// updateDoc returns doc with every generated options table rewritten from
// the table, and an error naming a table doc lacks.
func updateDoc(doc string) (string, error) {
	for _, k := range fenceKinds() {
		for _, lang := range []string{"zh", "en"} {
			start := docMarker(k, lang) + "\n"
			i := strings.Index(doc, start)
			if i < 0 {
				return doc, fmt.Errorf("no line %q", strings.TrimSpace(start))
			}
			i += len(start)
			j := strings.Index(doc[i:], docEnd)
			if j < 0 {
				return doc, fmt.Errorf("no %q after %q", docEnd, strings.TrimSpace(start))
			}
			doc = doc[:i] + docTable(k, lang) + doc[i+j:]
		}
	}
	return doc, nil
}
