// Package update brings lessons up to date with what their programs really
// print, and with the example programs they copy, changing nothing else.
//
// # What is rewritten
//
// Update reruns every selected block and rewrites its output block to
// match the actual output. Expected lines that still match are kept as
// written, placeholders included; only lines that do not match are
// replaced, by the actual lines (a "{{" in them is written {{"{{"}}, so
// that it is not read as a placeholder). An actual line that takes the
// place of an expected line keeps that line's placeholders where they
// still match, between text the two lines share: "pid {{int:child}}
// started" becomes "pid {{int:child}} began", not "pid 4242 began", which
// would fail on the next run. When keeping lines cannot give an
// expected output that matches as a whole (a named value that changed, an
// order-by partial order), the whole output block is replaced by the
// actual output. An output block that already matches is left alone, byte
// for byte, even when a soft line gave a warning. Each further run of a
// program (an output block after its first) is a block of its own, and is
// updated so. A written file block (file name=PATH written) that does not
// match what its run wrote is replaced by that content.
//
// A go block that runs (not norun, nobuild or an exercise's starting code)
// and has no output block gets one, right after it, if it prints
// anything. A block whose run did not end as the block expects (it does
// not build, exits with another status, times out, ...) is not updated,
// nor is a block run several times (runs=N) whose runs printed different
// outputs that its expected output does not all match; the reason is
// reported at the block's line. Blocks are run with the compiled engine,
// the authority on what a program prints.
//
// A block with file=PATH (not an exercise, whose file= is the reference
// answer) is a copy of that file: its code is replaced by the file's when
// they differ (line endings and trailing blank lines aside). Copies are
// synchronised first, so the outputs written are those of the files. A
// notebook cell with file=PATH is the other way round: the lesson is the
// source, and the file is written with the complete program the cell
// assembles, gofmt-ed (created, with its directory, if missing).
//
// # What is preserved
//
// Every byte outside the rewritten blocks is kept: front matter, prose,
// other blocks, a byte order mark, the presence or absence of a final
// newline. Inside a rewritten block, the fence's characters and info
// string are kept, and new lines are written with the line ending of the
// block's opening line (LF or CRLF) and the fence's indentation.
//
// # Refusals
//
// Update refuses, with an error at "path:line:", what it cannot rewrite
// safely: an unclosed fence (reported by the parser), a block to rewrite
// or to follow with a new output block that is inside a list item or a
// block quote, a copied file with a line ending in a carriage return (a
// lesson cannot hold it), an output that no expected text written from it
// matches (an order-by expression that the escaped text defeats), and new
// content (an output a program printed, a copied file) with a control
// character other than a tab, a bidirectional control or a byte that is
// not UTF-8: written raw into a lesson, it would reach the terminal of
// whoever reads it, and written escaped, it would no longer match what
// the program prints. Lines kept as the author wrote them are not
// checked. A refusal anywhere means nothing is written. New content with a line that
// would close the fence early is not refused: the fence is lengthened
// instead (one more fence character than the longest such line).
//
// # Writing
//
// A lesson (or a cell's file) is written only if its bytes on disk are
// still those that were read; otherwise the write is refused. A file
// without write permission is refused too. A symbolic link is followed:
// its target is rewritten and the link stays. A file of one name is
// written atomically, through a temporary file in its directory renamed
// over it. A file with several names (hard links) is rewritten in place,
// so that every name sees the change: its old content is first saved next
// to it (.NAME.*.old) and removed once the new content is on disk; a
// write that fails half-way keeps it there and names it.
//
// The files that blocks name with file= must be inside the course: the
// nearest directory above the lesson that holds go.mod or .git (the
// lesson's own directory when there is none), symbolic links followed. A
// copy of a file outside it is refused, and a cell's file outside it is
// not written: a lesson from someone else cannot make update read the
// reader's files into it, or write programs elsewhere.
//
// # Use
//
// Plan computes every change (Sync, then a run of the checker, then
// Outputs) without writing anything; Apply writes the changes or prints
// their diffs, control characters escaped as check escapes them. "bingfa
// update" and "go test ./lessons -update" do both.
package update
