// Package wiring wires the engines together: it assembles the engines
// that check, the tests and the readers use, and the router that picks
// among them, and adapts route's decisions to check's routes. The blocks
// of Python programs go to the Python engine (package python) in every
// mode, or are skipped where there is no interpreter (RoutePython).
//
// The yaegi engine's worker is a command of its own, which the engine
// builds on first need (package yaegi). The router's static check runs
// in that worker too, as a process of its own (yaegi.Static), so that
// bingfa does not link go/types. In mode auto, while the worker is
// neither built nor in the cache, every block runs compiled ("the
// interpreter is still being built", a decision not remembered), and
// the first decision starts the build, in the background; so does the
// first block the router would give the interpreter while its warm
// workers are not ready. In modes yaegi and both, and for a block that
// asks for engine=yaegi, the decision and the run wait for the build.
//
// A process that runs programs calls yaegi.MaybeWorker (which is
// sandbox.MaybeInit) first thing in main, or in TestMain.
package wiring

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/cpuload"
	"bingfa/runner/engine"
	"bingfa/runner/python"
	"bingfa/runner/route"
	"bingfa/runner/yaegi"
	"bingfa/runner/yaegi/protocol"
)

// Modes accepted by --engine.
const (
	Auto     = route.Auto
	Compiled = route.Compiled
	Yaegi    = route.Yaegi
	Both     = route.Both
)

// A Set is the engines of one process and the router over them.
type Set struct {
	Compiled *compiled.Engine
	Yaegi    *yaegi.Engine // nil in mode compiled
	Python   *python.Engine
	Router   check.Router
	route    *route.Router // the static check behind Router
	meter    *cpuload.Meter
	history  *check.FileHistory
}

// New returns the engines for mode ("" means auto), with binaries cached
// in cacheDir.
func New(mode, cacheDir string) (*Set, error) {
	if mode == "" {
		mode = Auto
	}
	c := compiled.New(cacheDir)
	s := &Set{Compiled: c, meter: cpuload.New(100 * time.Millisecond),
		history: check.OpenHistory(filepath.Join(cacheDir, "history.json"))}
	var y engine.Engine
	if mode != Compiled {
		e, err := yaegi.New()
		if err != nil {
			return nil, err
		}
		s.Yaegi, y = e, e
	}
	var st route.Static
	if mode != Compiled {
		st = newStatic(cacheDir, mode)
	}
	r, err := route.New(mode, c, y, st)
	if err != nil {
		if st != nil {
			st.(*yaegi.Static).Close()
		}
		s.Close()
		return nil, err
	}
	s.route = r
	s.Router = routed{r: r}
	if mode == Auto {
		next := routed{r: r, compiled: c, interp: s.Yaegi}
		s.Router = cacheFirst{compiled: c, next: next}
	}
	s.Python = python.New(python.Command())
	s.Router = RoutePython(s.Python, s.Router)
	return s, nil
}

// Warm prepares for a first run without delay: yaegi's worker is built if
// needed, its warm workers are started, and so is the static check's
// process, which loads the type information of common packages, in the
// background. For a
// server, before its first request.
func (s *Set) Warm() {
	if s.Yaegi == nil {
		return
	}
	s.Yaegi.Warm()
	s.route.Warm()
}

// Builder returns the engine that builds blocks that are not run.
func (s *Set) Builder() engine.Builder { return s.Compiled }

// Close stops the engines' work in progress (builds, workers) and keeps
// how long the programs ran for next time.
func (s *Set) Close() error {
	_ = s.history.Save() // a hint for next time; nothing is lost without it
	if s.route != nil {
		s.route.Close()
	}
	if s.Yaegi != nil {
		s.Yaegi.Close()
	}
	return s.Compiled.Close()
}

// Config returns a check configuration using these engines.
func (s *Set) Config() check.Config {
	return check.Config{Router: s.Router, Builder: s.Builder(), Idle: s.meter.Idle, History: s.history}
}

// newStatic returns the router's static check, which runs in the
// interpreter's worker (bingfa does not link go/types), with go list run
// as the compiled engine's builds run, its temporary files in a
// directory of the cache's work directory, which the worker makes only
// when it first runs go list (a bingfa killed before leaves nothing) and
// Close removes (one a killed bingfa left is swept like a build's). Where
// it found export data is kept for the next process in static/exports of
// the default cache, beside the worker, whatever cacheDir is: it says
// where the go command's build cache holds what, which every cache of
// compiled programs shares. In mode auto, a check while the worker is not built compiles the block
// and starts the build; in the other modes it waits.
func newStatic(cacheDir, mode string) *yaegi.Static {
	work := filepath.Join(cacheDir, "work", fmt.Sprintf("static-%d-%x", os.Getpid(), rand.Uint64()))
	return yaegi.NewStatic(protocol.StaticConfig{
		GoFlags: compiled.BuildFlags(false), GoEnv: compiled.BuildEnv(false), WorkDir: work,
		ExportsFile: filepath.Join(compiled.DefaultCacheDir(), "static", "exports"),
	}, mode != Auto)
}
