// Package route decides which engine runs each program block: the yaegi
// interpreter, when a static check finds nothing in the block that the
// interpreter is known to get wrong, or else the compiled engine, the
// authority on what a program prints.
//
// # The static check
//
// A block goes to yaegi only if its options allow it (they ask neither
// for the race detector nor an expected failure (expect=), exit status 2
// (a Go runtime failure), several runs (runs=), serial (timing-sensitive
// blocks), nor set a GO... environment variable (GOMAXPROCS, GODEBUG:
// the worker's runtime has already started), nor give it data files or
// standard input (the worker runs programs without them)), if it imports
// nothing outside the standard library (the modules bingfa requires,
// which package compiled lets blocks import, are not in yaegi's tables:
// "package golang.org/x/sync/errgroup is outside the standard library"),
// and if the static check of package static finds nothing in it that
// yaegi is known to get wrong or that is newer than yaegi. That check
// needs go/types, which bingfa's own binary does not link: the Router
// asks a Static for it, which package wiring makes the interpreter's
// worker process (package yaegi) and tests make package static in their
// own process (package inproc). A decision the Static could not make
// (the interpreter's worker is not built yet) compiles the block and is
// not remembered.
//
// A reason reads "range over int (Go 1.22) at lessons/x.md:57":
// positions are lesson lines (engine.Program.LessonLine).
//
// # Modes
//
// The Router applies one of the modes of --engine: auto (the check
// above; should yaegi itself fail on a block it let through, with a
// compile error or an internal panic, or should the block run out of
// time, it runs again compiled, and the Outcome's Engine and Why say so), compiled (every block
// compiled), yaegi (every block interpreted: to see what the interpreter
// does) and both (every block the check lets through runs in both
// engines, compiled first, and the checker fails the block if their
// verdicts differ). The engine= option
// of a block overrides every mode but compiled. A block with the option
// trace runs compiled in every mode (TraceReason): only a built program
// records an execution trace.
package route
