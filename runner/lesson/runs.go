package lesson

import (
	"cmp"
	"fmt"
)

// run makes output fence f, after the output fence of b, a further run of
// b's program: a Block of its own (named by the fence's name=, else
// NAME.runN), with the program's code and options and the inputs of its
// own output fence. It returns nil when the program cannot have several
// runs.
func (ps *parseState) run(b *Block, f *Fence, out *OutputOptions, names map[string]*Block) *Block {
	prog := b.Program()
	switch {
	case prog.Opts.Cell, prog.Opts.Exercise:
		kind := "a cell"
		if prog.Opts.Exercise {
			kind = "an exercise"
		}
		ps.errorf(f.Line, 0, "second output block for %s (the first is at line %d): %s has one run", prog.Name, prog.Output.Line, kind)
		return nil
	case prog.Opts.Mode != Run:
		ps.errorf(f.Line, 0, "second output block for %s (the first is at line %d): a %s block is not run", prog.Name, prog.Output.Line, prog.Opts.Mode)
		return nil
	}
	n := len(prog.runs) + 2
	r := &Block{Index: prog.Index, Code: prog.Code, Lang: prog.Lang, Opts: prog.Opts, Files: prog.Files, Run: n, of: prog}
	r.Opts.File = "" // the program's block compares its code with the file
	r.Name = cmp.Or(out.Name, fmt.Sprintf("%s.run%d", prog.Name, n))
	if prev := names[r.Name]; prev != nil {
		ps.errorf(f.Line, 0, "duplicate block name %s (also used at line %d)", r.Name, prev.line())
	}
	names[r.Name] = r
	prog.runs = append(prog.runs, r)
	ps.l.Blocks = append(ps.l.Blocks, r)
	return r
}

// Program returns the block of the program that b is a run of: b itself,
// unless b is a further run (Run > 1).
func (b *Block) Program() *Block {
	if b.of != nil {
		return b.of
	}
	return b
}

func setRunName(o *OutputOptions, v string) error {
	var p Options
	if err := setName(&p, v); err != nil {
		return err
	}
	o.Name = p.Name
	return nil
}

// line returns the line that names b: its output fence's for a further
// run, its go fence's otherwise.
func (b *Block) line() int {
	if b.Run > 0 && b.Output != nil {
		return b.Output.Line
	}
	return b.Code.Line
}

// runExit gives the run of output fence f the exit status and the end
// (expect=) it states.
func (ps *parseState) runExit(b *Block, f *Fence, out *OutputOptions) bool {
	if out.Expect != nil {
		b.Opts.Expect = *out.Expect
		if !b.Opts.ExitSet || out.Exit == nil {
			b.Opts.Exit, b.Opts.ExitSet = 0, false
		}
	}
	if out.Exit == nil {
		return true
	}
	if b.Opts.Expect.Kind == "signal" {
		ps.errorf(f.Line, 0, "exit=%s contradicts expect=%s: a program killed by a signal has no exit status", ExitString(*out.Exit), b.Opts.Expect)
		return false
	}
	if e := b.Opts.Expect; e.Kind != "" && *out.Exit != e.ExitStatus() {
		ps.errorf(f.Line, 0, "exit=%s contradicts expect=%s of the program, which ends with exit status %d", ExitString(*out.Exit), e.Kind, e.ExitStatus())
		return false
	}
	b.Opts.Exit, b.Opts.ExitSet = *out.Exit, true
	return true
}
