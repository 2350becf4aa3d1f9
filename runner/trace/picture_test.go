package trace

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite the golden pictures")

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
		golden(t, "testdata/handoff."+lang+".svg", svg.String())
		golden(t, "testdata/handoff."+lang+".txt", tr.Text(lang)+"\n"+tr.Facts().Text(lang))
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update to rewrite):\n%s", path, udiff.Unified(path, "got", string(want), got))
	}
}
