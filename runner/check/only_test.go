package check

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// Only returns a router that runs every block with e.
func Only(e engine.Engine) Router { return only{e} }

type only struct{ e engine.Engine }

func (o only) Route(*lesson.Block, *engine.Program) Route {
	return Route{Engines: []engine.Engine{o.e}, Why: Why{Reason: "the only engine"}}
}
