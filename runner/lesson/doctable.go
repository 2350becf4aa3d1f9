package lesson

import (
	"fmt"
	"strings"
)

// DocTable returns the Markdown table of the options of fence kind k, in
// lang ("en" or "zh"), as docs/format.md shows it between the markers
// <!-- options KIND LANG --> and <!-- end options -->.
func DocTable(k Kinds, lang string) string {
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

// DocMarker returns the line that opens the options table of kind k in
// lang in docs/format.md; DocEnd closes it.
func DocMarker(k Kinds, lang string) string {
	return fmt.Sprintf("<!-- options %s %s: generated from runner/lesson's options table by go test ./runner/lesson -update -->", k, lang)
}

// DocEnd is the line after a generated options table.
const DocEnd = "<!-- end options -->"

// FenceKinds returns every fence kind that takes options.
func FenceKinds() []Kinds {
	var ks []Kinds
	for i := range kindNames {
		if k := Kinds(1 << i); len(OptionsOf(k)) > 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

// UpdateDoc returns doc with every generated options table rewritten from
// the table, and an error naming a table doc lacks.
func UpdateDoc(doc string) (string, error) {
	for _, k := range FenceKinds() {
		for _, lang := range []string{"zh", "en"} {
			start := DocMarker(k, lang) + "\n"
			i := strings.Index(doc, start)
			if i < 0 {
				return doc, fmt.Errorf("no line %q", strings.TrimSpace(start))
			}
			i += len(start)
			j := strings.Index(doc[i:], DocEnd)
			if j < 0 {
				return doc, fmt.Errorf("no %q after %q", DocEnd, strings.TrimSpace(start))
			}
			doc = doc[:i] + DocTable(k, lang) + doc[i+j:]
		}
	}
	return doc, nil
}
