package yaegi

import "bingfa/runner/engine"

// unsupported returns what of p the interpreter cannot give it as its
// lesson asks, or "": such programs are routed to the compiled engine,
// and run here only when yaegi is forced, which then fails rather than
// run them without it.
func unsupported(p *engine.Program) string {
	switch {
	case p.Test != nil:
		return "a test block (go test)"
	case p.Server != nil:
		return "a client of a server block"
	case len(p.Stdin) > 0:
		return "standard input"
	case len(p.Files) > 0 || len(p.Collect) > 0:
		return "data files"
	case p.Signal != "":
		return "signal="
	}
	return ""
}
