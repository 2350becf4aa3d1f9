// Package lesson parses bingfa lessons: Markdown files whose Go programs
// are built and run, and whose expected output is checked.
//
// # Lessons
//
// A lesson is a UTF-8 Markdown file (CommonMark with GitHub tables,
// strikethrough, task lists and autolinks), parsed with goldmark
// (Markdown). A byte order mark
// and CRLF line endings are accepted. It may start with YAML front matter
// between two "---" lines (or two equal lines of more '-'; TOML front
// matter between "+++" lines is an error), with these keys, all
// optional:
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
// # The document
//
// A parsed lesson keeps its goldmark document (Lesson.Doc), made with the
// one goldmark configuration of lessons (Markdown), whose offsets, like
// those of its fences (Fence, whose Node is its fenced code block in the
// document), are of the file as read, byte order mark included. Headings
// have ids (IDs) that keep their Chinese text. Presenters read the
// document and never change it: it is shared by all of them.
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
// together, in the order a terminal shows them. Fenced blocks file and
// stdin give a program its inputs (below); other fenced blocks (python,
// text, sh, ...) are prose, but for python run.
//
// A python fence with the word run in its info string is a Python program
// (Block.Python, Block.Lang): it is run with python3, never built, and
// its output blocks, runs, inputs and data files are those of a go
// block. Its options are those of the table's PythonFence rows: the
// options of a run (name, exit, timeout, args, env, stdin, serial, runs,
// ...), not those of a Go program (race, engine, cell, expect, test,
// ...), which are errors on it, as expect= is on its output blocks. Its
// default name is python-N, N counting the lesson's python run fences.
// Any other python fence is prose: its info string is not parsed.
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
// The options of every fence kind are one table, optionTable (see
// Option): a row names an option, the fence kinds it applies to, whether
// it takes a value, its parser and a line of documentation in English
// and Chinese. The parser, its error messages (the known options, and
// the option probably meant by an unknown one) and the option tables of
// docs/format.md all come from it, and TestFormatDoc fails when the docs
// are stale (go test -update rewrites them). Adding an option is adding
// a row, and the field it sets. The kinds are go (ProgramFence), output
// (OutputFence), file (FileFence), stdin (StdinFence, no options) and
// python run (PythonFence).
//
// expect= sets the exit status (66 for a race, 2 for a deadlock or a
// panic); an exit= beside it must say the same. Options that only matter when
// a program runs (exit, args, env, stdin, stdin-file, runs, expect,
// serial, timeout, exercise) are errors on norun and nobuild blocks.
//
// # Test files
//
// A go block with the option test is a _test.go file of the program block
// before it (Block.TestOf, Block.TestFileName): it is run with go test,
// its args= are go test's flags, and its output block is what go test
// prints. It needs an output block or exit=.
//
// # Servers and clients
//
// A go block with the option server (and ready="TEXT", or port=N, or
// both) is a program that serves; it is not run alone but for each later block with
// client=SERVER (Block.Server): the server starts, the client runs once
// the server has printed TEXT and listens on port N, and the server is then stopped with its
// signal= (SIGINT by default). The server's output block is matched in
// the session of its first client (Block.FirstClient). A client runs in
// its server's sandbox: sandbox=off and net=host belong on the server,
// and are errors on a client.
//
// # Inputs of a run
//
// A program may be followed by several output blocks, with prose between
// them: each is one run of the same program, with its own inputs and
// exit=, and a Block of its own (Block.Run, Block.Program) that shares the
// program's code and options. The first run is the program's block; a
// later one is named by name= on its output fence, else NAME.runN. A
// cell or an exercise has one output block.
//
// A run is represented by its output block. The inputs on the go block
// (args=, env=, stdin=, stdin-file=) hold for every run; the same options
// on an output block hold for its run only (Block.Inputs): its arguments
// and standard input replace the program's, its variables come after the
// program's. stdin="TEXT" is TEXT and a newline; a stdin fence before an
// output fence is the standard input of that run, as written; a run
// cannot have both. A stdin fence that no output fence follows is an
// error.
//
// A file fence (```file name=data/lines.txt) is a data file, not a
// program: it is put at that path (relative, clean, not a .go file) in the
// working directory of every program after it in the lesson, and next to
// main.go when they are built, so that //go:embed finds it (Block.Files).
// A later file fence of the same path replaces an earlier one; one with
// for=NAME is the file of the program named NAME after it only.
// stdin-file=PATH makes a data file the standard input. A file fence
// with the option written is instead what the program before it must
// have written at that path by the end of its run, matched like output
// (Block.Written).
//
// A program with the option trace is run with an execution trace
// recorded; a trace fence after the output fence of one of its runs holds
// the facts that run's trace must show (Block.Trace, Block.TraceWant),
// matched like output. A trace fence anywhere else is an error.
//
// # Expected output
//
// Expected output is compared as package match describes: normalised like
// Go's testable examples, with placeholders ({{any}}, {{int}}, {{float}},
// {{duration}}, {{A..B}}, {{KIND:NAME}}, {{...}}, {{"text"}}, {{soft}}).
// A malformed placeholder is an error at its line in the lesson.
package lesson
