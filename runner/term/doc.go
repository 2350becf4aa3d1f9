// Package term reads a lesson in a terminal: it prints the lesson's
// headings, prose and highlighted code, and runs its programs in order,
// showing each program's output live as it prints, then its verdict.
//
// Between two programs the reader waits for Enter (q and Enter stops),
// unless it runs straight through (All, or when its input ends). An
// exercise's hint (a blockquote starting with 提示： in its section) is
// folded when the reader waits: h and Enter at the exercise's prompt
// shows it. A
// program's expected output is shown before it runs; its own output
// follows, each line marked with a bar, so that the two can be told apart.
// A program that does not match shows the problems and a diff. A program
// the reader stops (Ctrl-C cancels the context) is reported as stopped,
// neither passed nor failed, with nothing to compare.
//
// Nothing of a lesson or of a program reaches the terminal raw: control
// characters (escape sequences, carriage returns, bells), bidirectional
// controls and invalid UTF-8 in the lesson's text, in a program's live
// output, in problems and in diffs are written as Go escapes (\x1b,
// \u202e, \xff), as check writes them; a character cut between two
// pieces of output is put back together first.
//
// Colour (ANSI escapes, and chroma's 256-colour terminal formatter for
// code) is used only when asked: callers turn it on for a terminal, and
// off when NO_COLOR is set or the output is not a terminal. Light selects
// colours for a light background: darker 256-colour ones in place of
// ANSI yellow, cyan and faint text, and a light theme for code.
//
// Each program is checked by package check (Checker.Run), so it means
// what check means (runs=N, both engines, drift, blocked cells); the
// reader presents the result and tells how many runs there were. A run
// that has to wait says what for, in the live page's words (Watch.Queued):
// its build (正在编译, with how far a course's background builds have got:
// 正在编译 12/56) or a place to run (排队中). Blocks
// that are only built are built; fragments (nobuild) are only shown. An
// exercise's starting code is run like any block and judged against the
// exercise's goal, its expected output: one that does not match yet is
// not done, which is not a failure (Read does not count it as failed).
//
// The reader's own words (headers, prompts, verdicts) come from the
// message catalogue (package msg) in the lesson's language: its front
// matter lang, else Reader.Lang, else Chinese; the runner's problems are
// translated with their positions kept.
package term
