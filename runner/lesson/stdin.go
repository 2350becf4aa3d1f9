package lesson

// stdin takes a stdin block: the standard input of the run whose output
// block follows it.
func (ps *parseState) stdin(b *Block, f *Fence) {
	switch {
	case b == nil:
		ps.errorf(f.Line, 0, "stdin block without a go block before it")
		return
	case len(ps.words(f)) > 0:
		ps.errorf(f.Line, 0, "a stdin block takes no options")
		return
	case ps.waiting != nil:
		ps.errorf(f.Line, 0, "second stdin block for one run (the first is at line %d)", ps.waiting.Line)
		return
	}
	ps.waiting = f
}

// pendingStdin reports a stdin block that no output block of b took.
func (ps *parseState) pendingStdin(b *Block) {
	if ps.waiting == nil {
		return
	}
	ps.errorf(ps.waiting.Line, 0, "stdin block without an output block after it: it gives the standard input of the run whose output block follows it")
	ps.waiting = nil
}

// runInputs gives the run of output block f its stdin block, if one was
// waiting, and checks its inputs; it reports whether they are sound.
func (ps *parseState) runInputs(b *Block, f *Fence, out *OutputOptions) bool {
	if in := ps.waiting; in != nil {
		ps.waiting = nil
		if out.StdinSet || out.StdinFile != "" {
			ps.errorf(f.Line, 0, "the output block gives a standard input, and so does the stdin block at line %d: choose one", in.Line)
			return false
		}
		out.Stdin, out.StdinSet = in.Text, true
	}
	if !b.Runs() && (out.ArgsSet || out.StdinSet || out.StdinFile != "" || len(out.Env) > 0) {
		ps.errorf(f.Line, 0, "the inputs of a run have no effect on a %s block", b.Opts.Mode)
		return false
	}
	if err := checkSignal(b.Opts.Inputs.Merge(out.Inputs)); err != nil && !b.Opts.Server {
		ps.errorf(f.Line, 0, "%v", err)
		return false
	}
	return ps.inputFile(b, f, out.Inputs)
}

// inputFile checks that the data file named by stdin-file= precedes b.
func (ps *parseState) inputFile(b *Block, f *Fence, in Inputs) bool {
	if in.StdinFile == "" || b.dataFile(in.StdinFile) != nil {
		return true
	}
	ps.errorf(f.Line, 0, "stdin-file=%s: no file block of that name before the program (write ```file name=%s before it)", in.StdinFile, in.StdinFile)
	return false
}
