package term

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"bingfa/internal/golden"
	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/wiring"

	"github.com/yuin/goldmark/ast"
)

// TestRead reads each testdata lesson and compares what the reader
// prints with its golden file.
func TestRead(t *testing.T) {
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	files, _ := filepath.Glob("testdata/*.md")
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			ls, err := lesson.Load([]string{file})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			r := &Reader{Out: &out, Checker: check.New(set.Config()), NoTimes: true}
			ctx := context.Background()
			if strings.HasPrefix(name, "stopped") {
				// The reader presses Ctrl-C once a program prints "stop me".
				var stop context.CancelFunc
				ctx, stop = context.WithCancel(ctx)
				defer stop()
				cfg := set.Config()
				cfg.Router = only{stopper{set.Compiled, stop}}
				r.Checker = check.New(cfg)
			}
			if strings.HasPrefix(name, "queued") {
				// Its build waits behind a course's background builds.
				cfg := set.Config()
				cfg.Router = only{backlogged{set.Compiled}}
				r.Checker = check.New(cfg)
			}
			// Built beforehand, a program's build does not wait, whatever the cache holds.
			r.Checker.Prebuild(ctx, ls)
			if in, err := os.ReadFile(strings.TrimSuffix(file, ".md") + ".input"); err == nil {
				r.In = bytes.NewReader(in)
			}
			passed, failed, err := r.Read(ctx, ls[0])
			if err != nil && !errors.Is(err, ErrQuit) && !errors.Is(err, context.Canceled) {
				t.Fatal(err)
			}
			out.WriteString(summary(passed, failed, err))
			if bad := unsafeAt(out.String()); bad >= 0 {
				t.Errorf("a control character reaches the terminal: %q", out.String()[max(0, bad-20):min(out.Len(), bad+20)])
			}
			golden.File(t, strings.TrimSuffix(file, ".md")+".golden", out.Bytes())
		})
	}
}

// only is a router that runs every block with e.
type only struct{ e engine.Engine }

func (o only) Route(*lesson.Block, *engine.Program) check.Route {
	return check.Route{Engines: []engine.Engine{o.e}, Why: check.Why{Reason: "the only engine"}}
}

// stopper is an engine that cancels the reader's context once a program
// prints "stop me", as a reader presses Ctrl-C on seeing it.
type stopper struct {
	engine.Engine
	stop context.CancelFunc
}

func (s stopper) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	var seen []byte
	return s.Engine.Run(ctx, p, func(ev engine.Event) {
		if emit != nil {
			emit(ev)
		}
		if seen = append(seen, ev.Data...); bytes.Contains(seen, []byte("stop me")) {
			s.stop()
		}
	})
}

// backlogged is an engine whose programs are never built yet, and behind
// 12 of 56 programs of background builds.
type backlogged struct{ engine.Engine }

func (backlogged) Cached(*engine.Program) bool { return false }
func (backlogged) Backlog() (int, int)         { return 12, 56 }

// summary is the last line of a golden file: what Read returned.
func summary(passed, failed int, err error) string {
	s := fmt.Sprintf("== passed %d, failed %d", passed, failed)
	if err != nil {
		s += ", " + err.Error()
	}
	return s + "\n"
}

// firstHeading returns the first heading of a lesson.
func firstHeading(l *lesson.Lesson) *ast.Heading {
	for n := l.Doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			return h
		}
	}
	return nil
}

// TestColor checks that colour, when on, styles headings and highlights
// code, and that it is absent otherwise.
func TestColor(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata/tour.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, color := range []bool{false, true} {
		var out bytes.Buffer
		r := &Reader{Out: &out, Color: color, NoTimes: true}
		// Only the prose and code: no engine is needed to show them.
		r.lesson, r.src = ls[0], ls[0].Source
		r.code("go", "package main\n")
		r.heading(firstHeading(ls[0]))
		if has := strings.Contains(out.String(), "\x1b["); has != color {
			t.Errorf("colour %v: escapes present %v:\n%q", color, has, out.String())
		}
	}
}

// TestLightColors checks that a light background gets no ANSI yellow,
// cyan or faint text, and code a light theme: what a dark background
// takes is not what a light one takes.
func TestLightColors(t *testing.T) {
	ls, err := lesson.Load([]string{"testdata/tour.md"})
	if err != nil {
		t.Fatal(err)
	}
	show := func(light bool) string {
		var out bytes.Buffer
		r := &Reader{Out: &out, Color: true, Light: light, NoTimes: true}
		r.lesson, r.src = ls[0], ls[0].Source
		r.code("go", "package main\n\nfunc main() { println(\"hi\") }\n")
		r.printf("%s%s%s\n", r.paint(yellow, "prompt"), r.paint(cyan, "code"), r.paint(dim, "note"))
		return out.String()
	}
	dark, light := show(false), show(true)
	for _, s := range []string{yellow, cyan, dim} {
		if !strings.Contains(dark, s) {
			t.Errorf("dark: no %q in %q", s, dark)
		}
		if strings.Contains(light, s) {
			t.Errorf("light: %q in %q", s, light)
		}
	}
	if dark[:strings.Index(dark, "prompt")] == light[:strings.Index(light, "prompt")] {
		t.Errorf("code is highlighted alike on dark and light backgrounds: %q", light)
	}
}

// unsafeAt returns the offset of the first byte of s that a terminal
// must not receive raw from a lesson or a program (without colour, the
// reader writes none itself), or -1.
func unsafeAt(s string) int {
	for i, r := range s {
		if r == utf8.RuneError || r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
			return i
		}
	}
	return -1
}

// TestPieces checks that output cut inside a UTF-8 character is put back
// together before it is escaped, and that what is left at the end is
// escaped as invalid.
func TestPieces(t *testing.T) {
	for _, tt := range []struct {
		pieces []string
		want   string
	}{
		{[]string{"中文"}, "中文"},
		{[]string{"\xe4", "\xb8\xad\n"}, "中\n"},
		{[]string{"a\xe4\xb8", "\xad", "b"}, "a中b"},
		{[]string{"\xf0\x9f", "\x98", "\x80!"}, "😀!"},
		{[]string{"\xff", "x"}, `\xffx`},
		{[]string{"\x80\x80\x80\x80\x80"}, `\x80\x80\x80\x80\x80`},
		{[]string{"end \xe4\xb8"}, `end \xe4\xb8`},
		{[]string{"\x1b[2J", "\u202e"}, `\x1b[2J\u202e`},
	} {
		var j engine.Joiner
		var got strings.Builder
		for _, s := range tt.pieces {
			got.WriteString(safe(j.Next(engine.Event{Stream: engine.Stdout, Data: []byte(s)})))
		}
		for _, x := range j.Rest() {
			got.WriteString(safe(string(x.Data)))
		}
		if got.String() != tt.want {
			t.Errorf("%q: %q, want %q", tt.pieces, got.String(), tt.want)
		}
	}
}
