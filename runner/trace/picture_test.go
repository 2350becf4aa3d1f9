package trace

import (
	"bytes"
	"os"
	"testing"

	"bingfa/internal/golden"
)

// TestPictures draws testdata/handoff.trace (recorded by
// go test -run TestRuns/handoff -record) as SVG and as text in both
// languages and compares them with the golden files.
func TestPictures(t *testing.T) {
	data, err := os.ReadFile("testdata/handoff.trace")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"zh", "en"} {
		var svg bytes.Buffer
		if err := tr.SVG(&svg, lang); err != nil {
			t.Fatal(err)
		}
		golden.File(t, "testdata/handoff."+lang+".svg", svg.Bytes())
		golden.File(t, "testdata/handoff."+lang+".txt", []byte(tr.Text(lang)+"\n"+tr.Facts().Text(lang)))
	}
}
