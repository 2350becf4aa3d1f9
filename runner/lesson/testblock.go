package lesson

import "strings"

// testOf makes test block b a test file of the last program before it.
func (ps *parseState) testOf(b *Block) {
	var prog *Block
	for i := len(ps.l.Blocks) - 2; i >= 0; i-- {
		if e := ps.l.Blocks[i]; e.Run == 0 && !e.Opts.Test {
			prog = e
			break
		}
	}
	switch {
	case prog == nil:
		ps.errorf(b.Code.Line, 0, "a test block needs a program block before it: the package its tests test")
		return
	case prog.Opts.Cell || prog.Opts.Mode == NoBuild:
		ps.errorf(b.Code.Line, 0, "the tests of %s need a complete program that builds, not a cell or a nobuild fragment", prog.Name)
		return
	}
	b.testOf = prog
}

// TestOf returns the program block whose tests test block b holds, or nil
// for a block that is not a test block.
func (b *Block) TestOf() *Block { return b.testOf }

// TestFileName returns the name of test block b's file: filename=, else
// the program's file name with _test.go (main_test.go).
func (b *Block) TestFileName() string {
	if b.Opts.FileName != "" {
		return b.Opts.FileName
	}
	name := "main.go"
	if p := b.testOf; p != nil && p.Opts.FileName != "" {
		name = p.Opts.FileName
	}
	return strings.TrimSuffix(name, ".go") + "_test.go"
}
