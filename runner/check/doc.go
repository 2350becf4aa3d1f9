// Package check checks lessons: it builds and runs every selected block
// with the engine its router picks and judges each run.
//
// # Scheduling
//
// Programs that will be built are handed to their engine at the start,
// in one batch per engine, the first block of each lesson first (the
// compiled engine builds them in a few go build invocations of growing
// size). Every block that is not serial is under way at once: one whose
// program is already built starts at once, while the others are being
// routed and handed over; the others start as soon as their own program
// is built, while others are still being built.
//
// Config.Jobs (check -j N) bounds the programs that run at once: never
// more than N, so that -j 1 runs one program at a time. Each run of a
// runs=N block is a program; builds are not counted (go build runs its
// own jobs). Without a bound, as many programs as CPUs run at any
// moment, and more start while the CPUs they are expected to need are
// idle (Config.Idle, Config.History), or not claimed by the programs
// running (a busy machine's own share), since most programs about
// concurrency spend their time sleeping or waiting. Either way the
// programs that ran longest last time start first.
//
// A Python program (a python run block) is not built: its router gives
// it to the Python engine (see package wiring), which runs the script as
// the compiled engine runs a binary, in the same slots.
//
// Serial blocks run last, one at a time, once every other block is done
// and no build is left, so that the machine is quiet while they measure
// time or CPU and they hold up nothing. The runs of a runs=N block run
// in parallel unless the block is serial. A client of a server block
// runs as if serial only where its session has the host's network
// (sandbox=off or net=host on its server, or no sandbox here): elsewhere
// each session has a network of its own. Results are reported lesson by lesson, each lesson's blocks
// in order, whatever order they ran in.
//
// A reader's run (Run, for the live page and the terminal reader) checks
// one block, maybe an edited copy (Edit), as Block does, tells how it goes
// (Watch), and takes its slots before any waiting program of a Check.
// It goes ahead of background work too: Prebuild (a server building its
// course) builds every program a Check would, but as background work
// (engine.Background), which the compiled engine does after any other:
// a background go build does not start while a reader's build is under
// way, a reader's program waiting in one that has not started is taken
// out of it and built at once, and those under way run at the lowest
// CPU priority; so does the go list that routing them needs (Preloader),
// which a reader's routing does not wait for. A run that has to wait for
// its build is told so (Watch.Queued, with how far the background builds
// have got).
//
// # Results
//
// Every run's outcome and verdict are kept (Result.Runs, Result.Verdicts),
// and the route as typed fields (Result.Engine, Result.Why: a reason and
// the source position it is about): presenters neither judge nor route
// again. A block passes when every run passes. A block that is built but not
// run passes when it compiles; a nobuild block is skipped, and so is a
// block its router skips (Route.Skip: the Python interpreter a python run
// block needs is missing), with the reason. A block whose
// router picks more than one engine (engine mode "both") also fails when
// the engines disagree: when one passes and another fails, or when both
// fail on different outputs. Its result then keeps what each engine made
// of it (Result.Engines), and each problem about one engine's runs names
// that engine (verdict.Problem.Engine). A block with file= fails when its code differs
// from that file on disk.
//
// # Notebook cells
//
// The program of a block with the option cell is assembled by package
// cell from the cells of its lesson up to it (Program), so a cell is
// built and run as any block, with any engine, and compiler errors point
// at lesson lines, also in earlier cells. A cell one of whose earlier
// cells does not compile (or cannot be assembled) is not run: it fails
// with a problem that names that cell, whose own result carries the
// compiler's messages. A cell is judged on its own, so an earlier cell
// that compiles but fails when run does not stop the cells after it.
package check
