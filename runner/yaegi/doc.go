// Package yaegi is the engine that runs a program with the Go interpreter
// github.com/traefik/yaegi instead of building it: a few milliseconds
// instead of a build, for the blocks that package route finds the
// interpreter runs exactly as the compiler would.
//
// # Worker processes
//
// The interpreter never runs in the caller's process: a panic in an
// interpreted goroutine, os.Exit or a runaway loop would take the caller
// with it. Each program runs in a worker, the caller's own executable
// started again with the environment variable BINGFA_WORKER=yaegi. A
// program that can be a worker calls MaybeWorker first thing in main (and
// a test binary in TestMain); in a worker, MaybeWorker never returns.
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
// panic while compiling, say). An executable that never writes 'R' did
// not call MaybeWorker; it is started with the argument -test.run=^$ so
// that such a test binary runs no tests rather than all of them. Neither ever appears in the program's output; the
// engine turns a compile error into an engine.BuildError at the lesson's
// lines and an interpreter failure into an engine.Failure of kind Broken.
// A panic of the program itself is printed as Go prints it ("panic: ..."
// then "goroutine 1 [running]:") and exits with status 2.
//
// # Warm workers
//
// Starting a worker and loading the interpreter's symbol tables takes a
// few tens of milliseconds, so from its first Run (or Warm) on, the
// engine keeps a small pool of workers already started and waiting for
// their request. Close kills them.
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
