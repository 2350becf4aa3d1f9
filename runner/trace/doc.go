// Package trace turns a Go execution trace of one run into what a reader
// of a lesson can see and check: goroutines as lanes over time, the
// processors they ran on, and a small set of facts.
//
// # Recording
//
// A block with the program option trace is built with Instrument: the
// program's main file gets a deferred call that stops tracing as the
// first statement of main, calls of os.Exit in package main stop tracing
// before they exit, and one generated file starts tracing in an init
// function when the environment variable named by EnvDir names a
// directory (made if it is missing). Each process writes its own file
// there (PID.trace), so a program that re-executes itself (and passes on
// its environment) leaves one trace per process; ReadFiles reads them in
// the order the processes started. Line
// numbers are kept: the edits are made on the lines where they stand, and
// os.Exit is replaced by a name of the same length, so compiler messages
// and stack traces point at the lesson's lines. A program that ends some
// other way (log.Fatal, a panic in another goroutine, a signal) leaves a
// trace without its last moments, or none; Read reports such a trace as
// incomplete rather than failing.
//
// # Reading
//
// Read parses a trace with golang.org/x/exp/trace and keeps, for every
// goroutine the program itself started (goroutine 1, main, included;
// the runtime's own goroutines and the tracer's are left out), its
// segments: running on a processor, runnable (waiting for one), blocked
// (on a channel, a lock, a sleep, the network, the garbage collector) or
// in a system call. Segments are relative to the first event.
//
// # Facts
//
// Facts are computed from the segments and printed by Facts.Text as one
// line per fact, in the lesson's language, so that an expected block can
// match them with the same placeholders and soft lines as output:
//
//	goroutine：3
//	同时运行最多：2
//	用到的 P：2
//	GOMAXPROCS：2
//	阻塞在通道上：{{duration}}
//	阻塞在锁上：{{duration}}
//
// FactsText prints the facts of a run's traces: for a run of several
// processes, each one's after a line "# 进程 N" ("# process N"). A
// lesson may write its facts in English (English tells which).
//
// "Most running at once" is the largest number of the program's
// goroutines in the running state at the same instant: what the runtime
// scheduled in parallel, whatever the machine's other tenants took.
//
// # Pictures
//
// SVG draws the lanes as a self-contained picture (no script, no external
// resource) with a title on every segment for hovering, and under them
// how many goroutines ran at once. Text draws the same lanes with one
// character per time slice for a terminal. Both are bounded: at most
// MaxLanes lanes (the busiest, in the order they were created) and one
// segment per slice of the picture's width. Lanes are groups of class
// lane in the SVG, one per goroutine. Summary is what a terminal shows of
// a run: each trace's Text and facts.
package trace
