package msg

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// english are words of the router's English sentences; a translated
// reason keeps identifiers, package names and options, never these.
var english = regexp.MustCompile(`\b(the|of|with|is|are|not|in|on|by|as|its|it|that|than|and|may|observes|uses|calls|written|without|newer|generic|method|package|function|value|loop|builtin|option|block|field|type|string|division|statement|variable|address|argument|literal|prints|keeps|lose|detector|standard|input|files|wall|acts|reflects|yaegi's|passed|already|built)\b`)

// TestWhyEveryReason translates every reason the router gives in its
// tests (../route/static/testdata/*.golden: "BLOCK: ENGINES: WHY") into Chinese:
// none keeps a word of the English sentence, and positions stay.
func TestWhyEveryReason(t *testing.T) {
	files, _ := filepath.Glob("../route/static/testdata/*.golden")
	if len(files) == 0 {
		t.Fatal("no route goldens")
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			parts := strings.SplitN(line, ": ", 3)
			if len(parts) < 3 || strings.HasPrefix(line, "package ") || strings.HasPrefix(line, "symbol ") {
				continue
			}
			why := parts[2]
			n++
			got := Zh.Why(why)
			if strings.HasPrefix(why, "does not type-check (") {
				// The compiler's own words are kept.
				if !strings.HasPrefix(got, "类型检查不通过：") {
					t.Errorf("Zh.Why(%q) = %q", why, got)
				}
				continue
			}
			if w := english.FindString(got); w != "" || got == why {
				t.Errorf("%s: Zh.Why(%q) = %q: %q is left in English", filepath.Base(f), why, got, w)
			}
			if m := at.FindStringSubmatch(why); m != nil && !strings.HasSuffix(got, "（"+m[2]+"）") {
				t.Errorf("Zh.Why(%q) = %q: the position is lost", why, got)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d reasons read from the route goldens", n)
	}
}

// TestReportKeepsProgramText: the patterns that only make up reasons do
// not touch a compiler's message or a program's line in a problem.
func TestReportKeepsProgramText(t *testing.T) {
	for _, s := range []string{
		"main.go:3:2: type x is not an expression",
		"does not compile:\nmain.go:5:7: method value get has no field",
		"package main",
	} {
		if got := Zh.Report(s); strings.Contains(got, "类型") || strings.Contains(got, "方法") || strings.Contains(got, "包") {
			t.Errorf("Zh.Report(%q) = %q: program text translated", s, got)
		}
	}
}

// problem is a problem or warning line of check's report: "path:line:
// block NAME: MESSAGE"; block is a block's line with its reason.
var (
	problem    = regexp.MustCompile(`^\S+:\d+: block \S+: (.*)$`)
	diffHeader = regexp.MustCompile(`^    (---|\+\+\+) `)
	headerWord = regexp.MustCompile(`\b(expected|actual|sorted|of)\b`)
	blockRow   = regexp.MustCompile(`^    (?:pass|fail|skip|stop|shown)\s+\S+\s+\S+\s+\((.*)\)$`)
)

// sentence is a run of English words: what is left of a message that
// was not translated (a name or an identifier is one word).
var sentence = regexp.MustCompile(`\b[a-z]+ [a-z]+ [a-z]+\b`)

// TestReportEveryCheckGolden translates the English reports of check's
// tests (../check/testdata/**/*.golden) into Chinese: no block's reason,
// no first line of a problem and no diff's header keeps an English
// sentence or word, except the
// program's and the compiler's words it quotes.
func TestReportEveryCheckGolden(t *testing.T) {
	files, _ := filepath.Glob("../check/testdata/*.golden")
	more, _ := filepath.Glob("../check/testdata/*/*.golden")
	files = append(files, more...)
	if len(files) < 50 {
		t.Fatalf("only %d check goldens", len(files))
	}
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			var got string
			if m := blockRow.FindStringSubmatch(line); m != nil {
				if m[1] == "every block, in this test" { // the test's own router
					continue
				}
				got = Zh.Why(m[1])
			} else if diffHeader.MatchString(line) {
				got = Zh.Report(line)
			} else if m := problem.FindStringSubmatch(line); m != nil {
				got = Zh.Report(line)
				got = got[strings.Index(got, "：")+1:]
				if quoted.MatchString(m[1]) {
					continue
				}
			} else {
				continue
			}
			n++
			if diffHeader.MatchString(line) && headerWord.MatchString(got) {
				t.Errorf("%s: %q is left in English", filepath.Base(f), got)
			}
			if w := sentence.FindString(unquote(got)); w != "" {
				t.Errorf("%s: %q is left in English in %q", filepath.Base(f), w, got)
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d reasons and problems read from check's goldens", n)
	}
}

// quoted are problems that are the words of a compiler, a program or a
// tool, kept as they are.
// A cap's failure is said in both languages already.
var quoted = regexp.MustCompile(`^(does not compile:|main\.go|\S+\.go:\d+|go: |panic: |fatal error: |file=\S+: open |\p{Han})`)

// unquote drops what a message quotes: "text" and `text`.
func unquote(s string) string {
	return quotes.ReplaceAllString(s, "")
}

var quotes = regexp.MustCompile(`"[^"]*"|` + "`[^`]*`")
