// Package yaegi is the engine that runs a program with the Go interpreter
// github.com/traefik/yaegi instead of building it: a few milliseconds
// instead of a build, for the blocks that package route finds the
// interpreter runs exactly as the compiler would.
//
// # Worker processes
//
// The interpreter never runs in the caller's process: a panic in an
// interpreted goroutine, os.Exit or a runaway loop would take the caller
// with it. Each program runs in a worker, the small command
// runner/yaegi/worker, started with the environment variable
// BINGFA_WORKER=yaegi. bingfa itself does not link the interpreter (its
// standard-library tables are most of a cold build of bingfa).
//
// # Building the worker
//
// The worker's sources and the protocol's are embedded in this package,
// with what the worker needs of bingfa's go.mod and go.sum (the
// interpreter's module, version and checksums: module.go, which a test
// keeps equal to them). The worker is built once, on first need (Prepare,
// Warm or a first Run), in the background and at a lower priority, by
// package selfbuild: in a new module in bingfa's cache ($BINGFA_CACHE/yaegi, or bingfa/yaegi in
// the user's cache directory), offline (GOPROXY=off, from the module
// cache that building bingfa filled), with bingfa's own build flags so
// that the standard library comes from GOCACHE. The binary is kept under
// a hash of the Go version and of those files, with its SHA-256 checked
// before use, and it must answer the protocol's handshake (package
// protocol); processes building it at once take turns on a lock file.
// Ready says whether a Run would start without waiting for a build; Run
// waits for it.
//
// A worker is an ordinary supervised child (package proc), in a sandbox
// of its own where one is available (package sandbox: warm workers are
// started in the default one, before their program is known; a block
// with other sandbox options gets a worker of its own): its own
// process group, a time limit, capped output read as timestamped events,
// and every process left in its group killed when it ends. The worker's
// standard output and error are the program's: the interpreter writes to
// the real descriptors, so writes to os.Stdout and os.Stderr are captured
// like fmt.Print. The interpreter runs unrestricted, with the os/exec and
// syscall symbols, so os.Exit(n) ends the worker with status n and a
// program may start other processes.
//
// # Protocol
//
// The worker reads one request (the source, arguments, environment and
// working directory, as JSON) from descriptor 3 until end of file, writes
// the byte 'R' to descriptor 4, and then at most one report (JSON) before
// it exits: a compile error, or a failure of the interpreter itself (a
// panic while compiling, say); see package protocol. Neither ever
// appears in the program's output; the engine turns a compile error into
// an engine.BuildError at the lesson's lines and an interpreter failure
// into an engine.Failure of kind Broken. A panic of the program itself is
// printed as Go prints it ("panic: ..." then "goroutine 1 [running]:")
// and exits with status 2.
//
// # The static check's process
//
// The worker has a second role: the static check of package route/static
// (go/types over go list's export data), which bingfa does not link
// (go/types, go/importer and what they bring are about a tenth of a cold
// build of bingfa; the worker links them anyway, with yaegi's tables).
// Its sources are embedded with the worker's (route.StaticSources). A
// Static (NewStatic), the route.Static that package wiring gives the
// router, starts the worker with -static once it is built: one
// long-lived process per Static, not sandboxed (it runs no program),
// in its own process group, with SIGKILL as its parent-death signal and
// its go lists' (Pdeathsig), speaking JSON lines on its standard input and
// output (package protocol). Before the worker is built, a Static made
// not to wait answers ErrNotBuilt and starts the build; Close ends its
// input, which stops the process's go lists and ends it, and kills its
// process group if it has not ended within a few seconds.
//
// # Warm workers
//
// Starting a worker and loading the interpreter's symbol tables takes a
// few tens of milliseconds, so from its first Run (or Warm) on, the
// engine keeps a small pool of workers already started and waiting for
// their request. Close kills them.
//
// A worker loads, before its request, the interpreter's symbols of the
// packages every program gets (fmt, flag, log, os, math/bits, cmp, maps,
// slices and all they import), and after it those of the packages its
// program imports and all they import (every package when it cannot tell
// them): the interpreter needs the symbols of each package whose
// interface types a program's values may be passed as. The import graph
// is a table generated from go list and kept equal to it by a test
// (worker/stddeps.go). It compiles yaegi's sources of the generic
// packages cmp, maps and slices only for a program whose source names
// one of them: no other program can reach them. Loading every package
// and compiling those sources was about 40% of a worker's processor time.
//
// # Differences kept small
//
// Loading fmt makes yaegi swap log and flag for copies of its own (a
// logger whose Fatal panics, a flag set that panics on a bad flag); the
// worker puts the real ones back, so that they write to the same
// descriptors and exit as in a compiled program. os.Args is the
// program's, with "main" as its name. The worker takes the program's
// environment, working directory and local time zone (TZ) before it
// compiles the program.
package yaegi
