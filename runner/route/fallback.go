package route

import (
	"context"
	"errors"
	"strings"

	"bingfa/runner/engine"
)

// A fallback runs programs with yaegi and, when the interpreter itself
// fails (it cannot compile or run what go/types accepted) or the program
// runs out of time (yaegi is 60 to 400 times slower than compiled code),
// again with the compiled engine: a routing mistake costs time, never a
// verdict. Its outcome then says so in Engine and Why.
type fallback struct {
	yaegi, compiled engine.Engine
}

// Name implements engine.Engine.
func (f fallback) Name() string { return f.yaegi.Name() }

// Run implements engine.Engine.
func (f fallback) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	out := f.yaegi.Run(ctx, p, emit)
	if !interpreterFailed(out.Err) || ctx.Err() != nil {
		return out
	}
	c := f.compiled.Run(ctx, p, emit)
	msg, _, _ := strings.Cut(out.Err.Error(), "\n")
	c.Why = "yaegi could not run it: " + msg
	return c
}

// interpreterFailed reports whether err may be the interpreter's failure
// rather than the program's.
func interpreterFailed(err error) bool {
	var f *engine.Failure
	var b *engine.BuildError
	return errors.As(err, &b) || errors.As(err, &f) && (f.Kind == engine.Broken || f.Kind == engine.Timeout || f.Kind == engine.MemoryLimit)
}
