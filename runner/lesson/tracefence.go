package lesson

import "bingfa/runner/match"

// trace attaches the trace fence f to the run before it: b, the block of
// the last output fence. It holds the facts that the run's execution
// trace must show, matched like output (package match).
func (ps *parseState) trace(b *Block, f *Fence) {
	switch {
	case b == nil:
		ps.errorf(f.Line, 0, "a trace block needs a go block with the option trace before it")
		return
	case !b.Opts.Trace:
		ps.errorf(f.Line, 0, "a trace block belongs to a traced program: add the option trace to the go block of %s (line %d)", b.Program().Name, b.Code.Line)
		return
	case b.Output == nil:
		ps.errorf(f.Line, 0, "a trace block follows the output block of the run it is about: %s has none before it", b.Name)
		return
	case b.Trace != nil:
		ps.errorf(f.Line, 0, "second trace block for %s (the first is at line %d)", b.Name, b.Trace.Line)
		return
	}
	if len(ps.words(f)) > 0 {
		ps.errorf(f.Line, 0, "a trace block takes no options")
		return
	}
	want, err := match.Compile(f.Text, match.Options{})
	if se, ok := err.(*match.SyntaxError); ok {
		ps.errorf(f.BodyLine()+se.Line-1, se.Col, "%s", se.Msg)
		return
	}
	b.Trace, b.TraceWant = f, want
}
