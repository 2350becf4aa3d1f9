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
// tests (../route/testdata/*.golden: "BLOCK: ENGINES: WHY") into Chinese:
// none keeps a word of the English sentence, and positions stay.
func TestWhyEveryReason(t *testing.T) {
	files, _ := filepath.Glob("../route/testdata/*.golden")
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
