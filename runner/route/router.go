package route

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// Modes of a Router, as given to --engine.
const (
	Auto     = "auto"
	Compiled = "compiled"
	Yaegi    = "yaegi"
	Both     = "both"
)

// A Router picks between the compiled engine and yaegi. It is safe for
// concurrent use.
type Router struct {
	mode            string
	compiled, yaegi engine.Engine
	static          Static

	mu    sync.Mutex
	cache map[routeKey]Decision // static checks already made
}

type routeKey struct {
	block  *lesson.Block
	source string
}

// New returns a router for mode (Auto, Compiled, Yaegi or Both), whose
// static check is st. With a nil yaegi, every block is compiled.
func New(mode string, compiled, yaegi engine.Engine, st Static) (*Router, error) {
	switch mode {
	case Auto, Compiled, Yaegi, Both:
	default:
		return nil, fmt.Errorf("unknown engine %q (want auto, compiled, yaegi or both)", mode)
	}
	return &Router{mode: mode, compiled: compiled, yaegi: yaegi, static: st,
		cache: map[routeKey]Decision{}}, nil
}

// maxCache bounds the decisions remembered.
const maxCache = 10000

// A Decision is the engines a block runs with, and why: usually one;
// both to run the block in each and compare the verdicts. Decide, the
// static check, leaves Engines to Route and says whether the block may
// run in yaegi.
type Decision struct {
	Engines []engine.Engine
	Yaegi   bool
	Reason  string // why, without the engines' names: "range over int"
	Pos     string // where in the source the reason is found (path:line); "" when nowhere
}

// TraceReason is why a block with the option trace runs compiled,
// whatever the engine mode.
const TraceReason = "trace: yaegi cannot record an execution trace"

// Route returns the engines that run block b, whose program is p.
func (r *Router) Route(b *lesson.Block, p *engine.Program) Decision {
	switch {
	case r.mode == Compiled || r.yaegi == nil:
		return r.route(Decision{Reason: "--engine=compiled"})
	case b.Opts.Trace:
		return r.route(Decision{Reason: TraceReason})
	case b.Opts.Engine == lesson.EngineCompiled:
		return r.route(Decision{Reason: "engine=compiled on the block"})
	case b.Opts.Engine == lesson.EngineYaegi:
		return r.route(Decision{Yaegi: true, Reason: "engine=yaegi on the block"})
	case r.mode == Yaegi:
		return r.route(Decision{Yaegi: true, Reason: "--engine=yaegi"})
	}
	d := r.Decide(b, p)
	if d.Yaegi && r.mode == Both {
		d.Engines = []engine.Engine{r.compiled, r.yaegi}
		return d
	}
	return r.route(d)
}

// route sets the engine of d: yaegi (falling back to compiled) or
// compiled.
func (r *Router) route(d Decision) Decision {
	d.Engines = []engine.Engine{r.compiled}
	if d.Yaegi {
		d.Engines = []engine.Engine{fallback{r.yaegi, r.compiled}}
	}
	return d
}

// Decide runs the static check on block b, whose program is p. Answers
// are remembered (the checker asks twice for each block), but not when
// the static check could not answer (its process is not ready): the
// next decision asks again.
func (r *Router) Decide(b *lesson.Block, p *engine.Program) Decision {
	key := routeKey{b, string(p.Source)}
	r.mu.Lock()
	d, ok := r.cache[key]
	r.mu.Unlock()
	if ok {
		return d
	}
	d, ok = r.decide(b, p)
	if !ok {
		return d
	}
	r.mu.Lock()
	if len(r.cache) >= maxCache { // a server sees every edit of every block
		clear(r.cache)
	}
	r.cache[key] = d
	r.mu.Unlock()
	return d
}

// decide is Decide without the cache; ok is false when the static check
// did not answer.
func (r *Router) decide(b *lesson.Block, p *engine.Program) (d Decision, ok bool) {
	if why := optionRule(b); why != "" {
		// An option of the block's fence: the fence is in the lesson,
		// whatever file p comes from (an exercise's answer).
		return Decision{Reason: why + " (option of the block)"}, true
	}
	if why, line := moduleRule(p); why != "" {
		return Decision{Reason: why, Pos: position(p, line)}, true
	}
	if r.static == nil {
		return Decision{Reason: "no static check"}, true
	}
	f, err := r.static.Check(context.Background(), p.Source)
	if err != nil {
		return Decision{Reason: err.Error()}, false
	}
	d = Decision{Yaegi: f.Yaegi, Reason: f.Reason}
	if f.Line > 0 {
		d.Pos = position(p, f.Line)
	}
	return d, true
}

// position returns path:line of a source line of p.
func position(p *engine.Program, line int) string {
	if l := p.LessonLine(line); l > 0 {
		return fmt.Sprintf("%s:%d", p.Path, l)
	}
	return p.Path
}

// optionRule returns why a block's options keep it from yaegi, or "".
func optionRule(b *lesson.Block) string {
	o := &b.Opts
	switch {
	case o.Race:
		return "race detector"
	case o.Expect.Kind != "":
		return "expect=" + o.Expect.Kind
	case o.ExitSet && o.Exit == 2:
		return "exit=2 (a Go runtime failure)"
	case o.Runs > 1:
		return fmt.Sprintf("runs=%d", o.Runs)
	case o.Serial:
		return "serial"
	case o.Test:
		return "a test block (run with go test)"
	case o.Client != "":
		return "a client of a server block"
	case b.TookBound() != nil:
		return "took= (a bound on the wall time the compiled program takes)"
	case len(b.Files) > 0 || len(b.Written) > 0:
		return "data files (yaegi runs programs without them)"
	}
	if in := b.Inputs(); in.StdinSet || in.StdinFile != "" {
		return "standard input (yaegi runs programs without it)"
	} else if in.Signal != "" {
		return "signal= (a signal to the compiled program)"
	}
	for _, kv := range b.Inputs().Env { // the program's and its run's
		if strings.HasPrefix(kv, "GO") {
			k, _, _ := strings.Cut(kv, "=")
			return "env=" + k + " (set before the worker's runtime starts)"
		}
	}
	return ""
}
