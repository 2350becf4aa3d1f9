package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// The JUnit XML document written by check --junit: the dialect that
// Jenkins, GitLab and the JUnit reporters of GitHub Actions read. One
// test suite per lesson file, one test case per block.
type junitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Name    string   `xml:"name,attr"`
	junitCounts
	Time   string       `xml:"time,attr"`
	Suites []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name string `xml:"name,attr"`
	junitCounts
	Time  string      `xml:"time,attr"`
	Cases []junitCase `xml:"testcase"`
	ran   float64     // seconds its blocks ran
}

// junitCounts are the test cases of a suite, or of the report.
type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Skipped  int `xml:"skipped,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Line      int           `xml:"line,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitFailure `xml:"failure"`
	Skipped   *struct{}     `xml:"skipped"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes doc as a JUnit XML report. A failed block is a test
// case with a failure whose message is its first problem and whose text
// holds every problem with its path:line: and the diff, and with the
// program's output as its system-out; a skipped block is a skipped test
// case. The counts are those of doc's summary line.
func WriteJUnit(w io.Writer, doc *JSONReport) error {
	root := junitSuites{Name: "bingfa", Time: secs(doc.Seconds)}
	index := map[string]int{}
	for _, b := range doc.Blocks {
		i, ok := index[b.File]
		if !ok {
			i = len(root.Suites)
			index[b.File] = i
			root.Suites = append(root.Suites, junitSuite{Name: b.File})
		}
		c := junitCaseOf(b)
		s := &root.Suites[i]
		s.Cases, s.ran = append(s.Cases, c), s.ran+b.Ran
		s.count(c)
		root.count(c)
	}
	for i := range root.Suites {
		root.Suites[i].Time = secs(root.Suites[i].ran)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// count counts a test case.
func (n *junitCounts) count(c junitCase) {
	n.Tests++
	n.Failures += b2i(c.Failure != nil)
	n.Skipped += b2i(c.Skipped != nil)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func junitCaseOf(b JSONBlock) junitCase {
	c := junitCase{Name: b.Name, Classname: strings.TrimSuffix(b.File, ".md"), File: b.File, Line: b.Line, Time: secs(b.Ran)}
	switch b.Verdict {
	case "fail":
		c.Failure = &junitFailure{Message: xmlSafe(firstLine(failureMessage(b))), Text: xmlSafe(failureText(b))}
		c.SystemOut = xmlSafe(b.Output)
	case "skip":
		c.Skipped = &struct{}{}
	}
	return c
}

// failureMessage is the first problem of a failed block.
func failureMessage(b JSONBlock) string {
	if len(b.Problems) == 0 {
		return "failed"
	}
	return b.Problems[0].Message
}

// failureText is every problem of a failed block with its position, then
// the diff of the expected and the actual output.
func failureText(b JSONBlock) string {
	var s strings.Builder
	for _, p := range b.Problems {
		fmt.Fprintf(&s, "%s:%d: block %s: %s\n", b.File, p.Line, b.Name, p.Message)
	}
	if b.Diff != "" {
		s.WriteString(b.Diff)
	}
	return s.String()
}

func secs(s float64) string { return fmt.Sprintf("%.3f", s) }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// xmlSafe replaces what XML 1.0 cannot hold (most control characters,
// invalid UTF-8), which a program's output may contain, by Go escapes.
func xmlSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
