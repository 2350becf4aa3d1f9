package check

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// setInputs gives program p of block b the data files before b and the
// standard input of its run.
func setInputs(p *engine.Program, b *lesson.Block, in lesson.Inputs) {
	for _, f := range b.Files {
		p.Files = append(p.Files, engine.File{Path: f.Path, Data: []byte(f.Fence.Text)})
		if f.Path == in.StdinFile {
			p.Stdin = []byte(f.Fence.Text)
		}
	}
	for _, f := range b.Written {
		p.Collect = append(p.Collect, f.Path)
	}
	p.Signal, p.Ready, p.After = in.Signal, in.Ready, in.After
	if in.StdinSet {
		p.Stdin = []byte(in.Stdin)
	}
}
