package match

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	udiff "github.com/aymanbagabas/go-udiff"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/*.txt")

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
			c := parseCase(t, string(data))
			got := c.run(t)
			if *update {
				if err := os.WriteFile(file, []byte(c.head+got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != c.golden {
				t.Errorf("%s differs (go test -update rewrites it):\n%s", file, udiff.Unified("want", "got", c.golden, got))
			}
		})
	}
}

// A matchCase is one testdata file: its sections, and the golden section
// that ends it.
type matchCase struct {
	sections map[string]string
	head     string // the file up to the golden section
	golden   string // the golden section, its header line included
}

var sectionRE = regexp.MustCompile(`^-- ([a-z]+) --$`)

// parseCase reads a case: a comment, then "-- NAME --" sections.
func parseCase(t *testing.T, data string) *matchCase {
	c := &matchCase{sections: map[string]string{}}
	lines := strings.SplitAfter(data, "\n")
	name := ""
	for i, l := range lines {
		m := sectionRE.FindStringSubmatch(strings.TrimRight(l, "\n"))
		switch {
		case m != nil && m[1] == "result":
			c.head, c.golden = strings.Join(lines[:i], ""), strings.Join(lines[i:], "")
			return c
		case m != nil:
			name = m[1]
			c.sections[name] = ""
		case name != "":
			c.sections[name] += l
		}
	}
	c.head = data
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

// run matches and writes the result section: ok with the values and the
// warnings, or the failure.
func (c *matchCase) run(t *testing.T) string {
	r := c.pattern(t).Match(c.sections["actual"])
	var b strings.Builder
	b.WriteString("-- result --\n")
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
