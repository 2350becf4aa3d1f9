// Package lesson parses bingfa lessons: Markdown files whose Go programs
// are built and run, and whose expected output is checked.
//
// # Lessons
//
// A lesson is a UTF-8 Markdown file (CommonMark with GitHub tables,
// strikethrough and task lists), parsed with goldmark. A byte order mark
// and CRLF line endings are accepted. It may start with YAML front matter
// between two "---" lines, with these keys, all optional:
//
//	title:   the lesson's title (default: its first heading)
//	order:   its place in the course, a whole number (default: after the
//	         ordered lessons, by file name)
//	summary: one line for the table of contents (default: the first
//	         paragraph)
//
// Keys of other tools (date, tags, weight...) are ignored; a key that
// looks like a misspelling of one of these (the same but for case, or at
// most two edits away, such as "titel") is an error. A directory of
// lessons is every *.md file in it except README.md and dotfiles.
//
// A lesson file is a regular file (not a FIFO or a device) of at most
// MaxSize (1 MiB), and its Markdown stays within bounds that keep parsing
// fast whoever wrote it: at most 16 block quotes and list items one inside
// another, 64 columns of indentation, and 512 "[" and "<" in one
// paragraph, outside fenced code blocks. A lesson beyond them is an error
// at the line that goes beyond.
//
// # The course
//
// A course directory's README.md is not a lesson: the front matter of it
// describes the course (ReadCourse): title, blurb (a sentence under the
// title on the index page) and lang (a BCP 47 tag), all optional.
//
// # Programs and expected output
//
// A fenced code block whose info string starts with the word go is a
// program: a complete package main. The next fenced block whose info
// string starts with output, before the next go block, is the program's
// expected output: what it prints on standard output and standard error
// together, in the order a terminal shows them. Other fenced blocks
// (python, text, sh, ...) are prose.
//
// A program without an output block is built but not run, unless it says
// how it must end (exit= or expect=); then it is run and its output is not
// compared. Every fence must be closed: an unclosed fence would swallow
// the rest of the file, and is an error.
//
// A go block with the option cell is a notebook cell instead of a
// complete program: imports, declarations and statements that see the
// declarations of the lesson's earlier cells. Package cell says how a
// cell's program is assembled.
//
// # Options
//
// The words after go or output in an info string are options: bare words
// or key=value. A value, or part of one, may be double-quoted to hold
// spaces: args="-n 3", env=GREETING="hello world". Inside double quotes,
// as in a POSIX shell, \" stands for a quote and \\ for a backslash, and
// every other backslash is kept as written; outside quotes nothing is
// special. So a regular expression reads the same quoted or not:
// order-by=^(w\d+): and order-by="^worker (\d+) " keep \d, and \s, \w,
// \. and \b alike. \t and \n are not escapes either: they stay a
// backslash and a letter, which a regular expression reads as a tab and a
// newline; in args= they are shell words, where a backslash escapes the
// next character, and in env= and expect=panic: they are kept as written.
// An unknown or malformed option is an error at the fence's line and the
// option's column.
//
// An option may be given twice, or be implied by another, when they agree
// (race expect=race exit=66; env=K=V twice); options that contradict each
// other (exit=1 exit=2, norun nobuild, expect=race exit=1, env=K=1
// env=K=2) are an error at the column of the later one.
//
// Program options (after go):
//
//	name=NAME        the block's name, for --run and test names (default block-N,
//	                 N counting the lesson's go blocks from 1); names are unique
//	norun            build, but do not run
//	nobuild          show only: a fragment that is not even compiled
//	exit=N           the expected exit status (default 0)
//	timeout=DURATION wall-clock limit, such as 30s (default 10s)
//	maxoutput=SIZE   cap on the captured output, such as 64KiB (default 1MiB);
//	                 past it the program is stopped and the block fails
//	maxmemory=SIZE   cap on the program's address space (RLIMIT_AS), at least
//	                 1GiB (default 4GiB; twice that plus 2GiB for race); a Go
//	                 program that reaches it dies with "runtime: out of
//	                 memory"; in the sandbox, with a cgroup, also the cap on
//	                 the memory of the whole run
//	args="..."       command-line arguments, split like a shell's words
//	env=KEY=VALUE    an environment variable; repeatable
//	sandbox=off      run outside the sandbox (blocks that need the host)
//	net=host         run in the sandbox with the host's network
//	serial           run with nothing else in parallel (blocks that measure
//	                 time or CPU)
//	engine=E         auto (default), compiled or yaegi
//	race             build with the race detector; the block fails if a race
//	                 is reported, unless expect=race
//	expect=race      pass only if the race detector reports a data race (implies race)
//	expect=deadlock  pass only on "fatal error: all goroutines are asleep - deadlock!"
//	expect=panic     pass only if the program panics;
//	expect=panic:"m" with the panic message m
//	runs=N           run N times (in parallel unless serial); every run must pass
//	show=distinct    with runs=N: report the distinct outputs and their counts
//	file=PATH        the block is a copy of the Go file at PATH (relative to the
//	                 lesson); the file is the source of truth and the copy must
//	                 not drift from it
//	exercise         an exercise: the code is the reader's starting point and
//	                 only has to build; file= names the reference answer, which
//	                 is run and must print the expected output
//	cell             a notebook cell that builds on earlier cells (see
//	                 package cell)
//
// expect= sets the exit status (66 for a race, 2 for a deadlock or a
// panic); an exit= beside it must say the same. Options that only matter when
// a program runs (exit, args, env, runs, expect, serial, timeout,
// exercise) are errors on norun and nobuild blocks.
//
// Output options (after output):
//
//	unordered        compare the lines as a multiset
//	order-by=REGEXP  partial order: lines with equal keys (the first capture
//	                 group) keep their relative order; see package match
//	stdout, stderr   compare only that stream (the two are then captured
//	                 through separate pipes)
//
// # Expected output
//
// Expected output is compared as package match describes: normalised like
// Go's testable examples, with placeholders ({{any}}, {{int}}, {{float}},
// {{duration}}, {{A..B}}, {{KIND:NAME}}, {{...}}, {{"text"}}, {{soft}}).
// A malformed placeholder is an error at its line in the lesson.
package lesson
