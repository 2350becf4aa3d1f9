package check

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/sandbox"
)

// setInputs gives program p of block b the data files before b, the
// standard input of its run and the signal to send it; for a test block,
// p is the program it tests, with the test file.
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
	if prog := b.TestOf(); prog != nil {
		p.Test, p.TestName = p.Source, b.TestFileName()
		p.Source, p.Line = []byte(prog.Code.Text), prog.Code.BodyLine()
		p.FileName, p.Argv0 = prog.Opts.FileName, prog.Opts.Argv0
	}
	if in.StdinSet {
		p.Stdin = []byte(in.Stdin)
	}
}

// setServer gives the program p of a client block b its server's.
func setServer(l *lesson.Lesson, b *lesson.Block, p *engine.Program) error {
	srv := b.Server()
	if srv == nil {
		return nil
	}
	sp, err := Program(l, srv)
	if err != nil {
		return err
	}
	p.Server = sp
	return nil
}

// builtOnly says why block b is built but not run.
func builtOnly(b *lesson.Block) string {
	if b.Opts.Server {
		return "built only: a server runs with its clients"
	}
	return "built only: the block has no output block"
}

// alone reports whether block b runs when nothing else does: it is
// serial, or it is a client whose session has the host's network (its
// server has sandbox=off or net=host, or there is no sandbox here), where
// a port its programs choose is the machine's. Elsewhere a server and its
// client share a sandbox with a network of its own.
func alone(b *lesson.Block) bool {
	if b.Opts.Serial {
		return true
	}
	srv := b.Server()
	return srv != nil && (srv.Opts.NoSandbox || srv.Opts.HostNet || !sandbox.Enabled())
}
