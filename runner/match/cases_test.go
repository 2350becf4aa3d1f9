package match

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"bingfa/internal/golden"
)

// TestCases matches the actual output of every testdata case against its
// expected output and compares the result with the case's golden section.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			c := parseCase(string(data))
			golden.Archive(t, file, c.inputs, txtar.File{Name: "result", Data: []byte(c.run(t))})
		})
	}
}

// A matchCase is one testdata archive: its sections, and the golden
// section result that ends it.
type matchCase struct {
	sections map[string]string
	inputs   *txtar.Archive // the archive without its result
}

// parseCase reads a case: a comment, then sections.
func parseCase(data string) *matchCase {
	a := txtar.Parse([]byte(data))
	c := &matchCase{sections: map[string]string{}, inputs: golden.Without(a, "result")}
	for _, f := range c.inputs.Files {
		c.sections[f.Name] = string(f.Data)
	}
	return c
}

// pattern compiles the expected section with the options section: one
// option a line, unordered, order-by=REGEXP or maxwork=BYTES (a smaller
// budget of work, to show what happens past it).
func (c *matchCase) pattern(t *testing.T) *Pattern {
	var opts Options
	maxWork := 0
	for _, o := range Lines(c.sections["options"]) {
		key, val, _ := strings.Cut(o, "=")
		var err error
		switch key {
		case "unordered":
			opts.Unordered = true
		case "order-by":
			opts.OrderBy, err = regexp.Compile(val)
		case "maxwork":
			maxWork, err = strconv.Atoi(val)
		default:
			err = fmt.Errorf("unknown option")
		}
		if err != nil {
			t.Fatalf("option %s: %v", o, err)
		}
	}
	p, err := Compile(c.sections["expected"], opts)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	p.maxWork = maxWork
	return p
}

// run matches and returns the result section: ok with the values and
// the warnings, or the failure.
func (c *matchCase) run(t *testing.T) string {
	r := c.pattern(t).Match(c.sections["actual"])
	var b strings.Builder
	if !r.OK {
		fmt.Fprintf(&b, "fail\n%v\n", r.Failure)
		return b.String()
	}
	b.WriteString("ok\n")
	names := make([]string, 0, len(r.Values))
	for n := range r.Values {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(&b, "value %s = %q\n", n, r.Values[n])
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "warning\n%v\n", w)
	}
	return b.String()
}
