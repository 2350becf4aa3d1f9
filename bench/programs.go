package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// A program is one block that check runs, as the alternatives run it.
type program struct {
	ID     string
	Lesson string
	Source string
	Args   []string
	Env    []string
	Serial bool
	Race   bool
	Runs   int // runs=N
	// Example reports whether the program can also run as a Go testable
	// example: it exits 0, takes no arguments or environment, does not
	// re-execute itself and needs no race detector.
	Example bool
	block   *lesson.Block
	les     *lesson.Lesson
}

// programs returns the Go programs of ls that check runs, with the source
// it runs: the reference answer of an exercise, the assembled program of
// a notebook cell.
func programs(ls []*lesson.Lesson) ([]*program, error) { return blocks(ls, false) }

// scripts returns the Python programs of ls that check runs.
func scripts(ls []*lesson.Lesson) ([]*program, error) { return blocks(ls, true) }

// blocks returns the programs of ls that check runs: the Python ones, or
// the Go ones.
func blocks(ls []*lesson.Lesson, python bool) ([]*program, error) {
	var ps []*program
	for _, l := range ls {
		for _, b := range l.Blocks {
			if b.Output == nil || b.Opts.Mode != lesson.Run || b.Python() != python {
				continue
			}
			p, err := newProgram(l, b)
			if err != nil {
				return nil, err
			}
			ps = append(ps, p)
		}
	}
	return ps, nil
}

func newProgram(l *lesson.Lesson, b *lesson.Block) (*program, error) {
	ep, err := check.Program(l, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", l.ID(b), err)
	}
	src := string(ep.Source)
	if !strings.HasSuffix(src, "\n") {
		src += "\n"
	}
	if b.Opts.Exercise && b.Opts.File != "" {
		data, err := os.ReadFile(filepath.Join(l.Dir, b.Opts.File))
		if err != nil {
			return nil, err
		}
		src = string(data)
	}
	o := &b.Opts
	p := &program{
		ID: l.ID(b), Lesson: l.Name, Source: src, Args: o.Args, Env: o.Env,
		Serial: o.Serial, Race: o.Race, Runs: o.Runs, block: b, les: l,
	}
	p.Example = o.Exit == 0 && len(o.Args) == 0 && len(o.Env) == 0 && !o.Race &&
		o.Expect.Kind == "" && o.Runs <= 1 && !strings.Contains(src, "os.Executable") &&
		!strings.Contains(src, "os.Args")
	return p, nil
}

// exampleLesson returns a lesson holding only the blocks of ps that can
// run as testable examples, each with its expected output, so that check
// and go test run exactly the same programs.
func exampleLesson(ps []*program) []byte {
	var b strings.Builder
	b.WriteString("# Benchmark: the course's examples\n\n")
	for _, p := range ps {
		if !p.Example {
			continue
		}
		info := "go"
		if p.Serial {
			info += " serial"
		}
		out := p.block.Output
		fence := strings.Repeat("`", max(3, longestRun(p.Source, '`')+1))
		ofence := strings.Repeat(string(out.Char), max(out.Len, 3))
		fmt.Fprintf(&b, "%s%s\n%s%s\n\n%s%s\n%s%s\n\n", fence, info, p.Source, fence, ofence, unnamed(out.Info), out.Text, ofence)
	}
	return []byte(b.String())
}

// unnamed returns an output fence's info string without its name=: the
// examples' go fences are not named (names repeat across lessons), and
// only the program's fence may name its first run.
func unnamed(info string) string {
	f := strings.Fields(info)
	f = slices.DeleteFunc(f, func(w string) bool { return strings.HasPrefix(w, "name=") })
	return strings.Join(f, " ")
}

func longestRun(s string, c byte) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}
