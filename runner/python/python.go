// Package python is the engine that runs the Python programs of lessons
// (python fences with the option run) with a Python 3 interpreter.
//
// The interpreter is python3 in PATH, or the command BINGFA_PYTHON names
// (Command). It is looked up once (Engine.Find; once in a process for
// the same command, working directory and environment, whatever the
// engine), outside the sandbox and with bingfa's own environment,
// since it may be a shim (pyenv's needs HOME and PYENV_* to find the
// real interpreter): asked for its real executable (sys.executable,
// symbolic links resolved), its version and its installation
// (sys.base_prefix and sys.base_exec_prefix). Where
// there is none, or it does not answer, Find says why, and a router
// skips the blocks it would have run (a missing interpreter fails no
// block).
//
// A program runs as a Go program's binary does (compiled.Exec): in the
// sandbox, with the minimal environment of package runenv, in a scratch
// directory holding its data files and the script, main.py, run as
//
//	python3 -I -u main.py ARGS...
//
// -I is isolated mode (no PYTHON* variables, no user site-packages, the
// script's directory not on sys.path); -u leaves standard output and
// standard error unbuffered, so that the two streams interleave in the
// order they were written, as on a terminal. The interpreter's
// installation is shown read-only in the sandbox at its own path, and the
// interpreter runs from there (sandbox.Options.Show), so that it finds
// its standard library as it would on the host.
package python

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"bingfa/runner/compiled"
	"bingfa/runner/engine"
)

// Script is the name of the script in the run's working directory: what
// tracebacks show (File "/tmp/main.py", line 3, in the sandbox).
const Script = "main.py"

// Flags are the interpreter's options before the script.
var Flags = []string{"-I", "-u"}

// Command returns the interpreter to look up: $BINGFA_PYTHON, else
// python3.
func Command() string {
	if c := os.Getenv("BINGFA_PYTHON"); c != "" {
		return c
	}
	return "python3"
}

// An Interpreter is the Python that runs the programs.
type Interpreter struct {
	Path    string   // the real executable, symbolic links resolved
	Version string   // such as 3.12.3
	Dirs    []string // its installation, shown in the sandbox
}

// An Engine runs Python programs. It is safe for concurrent use.
type Engine struct {
	command string
	find    func() (*Interpreter, error)
}

// New returns an engine that runs programs with the interpreter command
// (looked up in PATH unless it holds a slash), found on first use.
func New(command string) *Engine {
	e := &Engine{command: command}
	e.find = sync.OnceValues(e.lookupOnce)
	return e
}

// found holds the lookups made by this process, by what their answer
// depends on (see lookupOnce): a func() (*Interpreter, error) each.
var found sync.Map

// lookupOnce returns the answer of lookup, asked once in this process
// for the same command, working directory and environment (a shim picks
// its interpreter by them: pyenv by PYENV_VERSION and .python-version
// files), since asking through a shim costs a few processes: every
// engine of a process, every wiring.Set, shares it.
func (e *Engine) lookupOnce() (*Interpreter, error) {
	wd, _ := os.Getwd()
	key := strings.Join(append([]string{e.command, wd}, os.Environ()...), "\x00")
	f, _ := found.LoadOrStore(key, sync.OnceValues(e.lookup))
	in, err := f.(func() (*Interpreter, error))()
	if in != nil {
		c := *in // each engine its own, as when each asked
		c.Dirs = slices.Clone(in.Dirs)
		in = &c
	}
	return in, err
}

// Name implements engine.Engine.
func (e *Engine) Name() string { return "python" }

// Find returns the interpreter, looked up once; the error says why there
// is none.
func (e *Engine) Find() (*Interpreter, error) { return e.find() }

// probe prints what lookup needs to know, a line each.
const probe = `import sys
print(sys.executable)
print("%d.%d.%d" % sys.version_info[:3])
print(sys.base_prefix)
print(sys.base_exec_prefix)`

// askTimeout bounds the interpreter's answer (a shim may be slow).
const askTimeout = 30 * time.Second

func (e *Engine) lookup() (*Interpreter, error) {
	path, err := exec.LookPath(e.command)
	if err != nil {
		return nil, fmt.Errorf("no %s in PATH", e.command)
	}
	ctx, cancel := context.WithTimeout(context.Background(), askTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-c", probe)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s does not run (%v): %s", e.command, err, firstLine(stderr.String()))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "3.") {
		return nil, fmt.Errorf("%s is not a Python 3 interpreter", e.command)
	}
	real, err := filepath.EvalSymlinks(lines[0])
	if err != nil {
		return nil, fmt.Errorf("%s: its executable %s: %v", e.command, lines[0], err)
	}
	in := &Interpreter{Path: real, Version: lines[1]}
	for _, d := range []string{lines[2], lines[3], filepath.Dir(real)} {
		if d, err := filepath.EvalSymlinks(d); err == nil && !slices.Contains(in.Dirs, d) {
			in.Dirs = append(in.Dirs, d)
		}
	}
	return in, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// Run implements engine.Engine: p.Source is the script.
func (e *Engine) Run(ctx context.Context, p *engine.Program, emit func(engine.Event)) *engine.Outcome {
	in, err := e.Find()
	if err != nil {
		return &engine.Outcome{Engine: e.Name(), Exit: -1, Err: engine.Failuref(engine.Broken, "cannot run Python: %v", err)}
	}
	q := *p
	q.Args = append(slices.Clone(Flags), Script)
	q.Args = append(q.Args, p.Args...)
	q.Argv0 = in.Path
	q.Files = append(slices.Clone(p.Files), engine.File{Path: Script, Data: p.Source})
	q.Show = in.Dirs
	q.Test, q.Server = nil, nil
	out := compiled.Exec(ctx, in.Path, &q, emit)
	out.Engine = e.Name()
	return out
}
