// Package engines assembles the engines that check, the tests and the
// web reader use, and the router that picks among them.
package engines

import (
	"fmt"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
)

// Modes accepted by --engine.
const (
	Auto     = "auto"
	Compiled = "compiled"
	Yaegi    = "yaegi"
	Both     = "both"
)

// A Set is the engines of one process and the router over them.
type Set struct {
	Compiled *compiled.Engine
	Router   check.Router
}

// New returns the engines for mode, with binaries cached in cacheDir.
func New(mode, cacheDir string) (*Set, error) {
	c := compiled.New(cacheDir)
	s := &Set{Compiled: c}
	switch mode {
	case "", Auto, Compiled:
		s.Router = check.Only(c)
	default:
		return nil, fmt.Errorf("unknown engine %q (want auto, compiled, yaegi or both)", mode)
	}
	return s, nil
}

// Builder returns the engine that builds blocks that are not run.
func (s *Set) Builder() engine.Builder { return s.Compiled }

// Close stops the engines' work in progress (builds, workers).
func (s *Set) Close() error {
	return s.Compiled.Close()
}

// Config returns a check configuration using these engines.
func (s *Set) Config() check.Config {
	return check.Config{Router: s.Router, Builder: s.Builder()}
}
