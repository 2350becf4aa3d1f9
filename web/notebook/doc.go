// Package notebook writes lessons as Jupyter notebooks and reads Go
// notebooks as lessons.
//
// # Export
//
// FromLesson turns a lesson into a notebook in nbformat 4.5 whose kernel
// is GoNB (kernelspec name "gonb"), the Go kernel for Jupyter, so that it
// opens in JupyterLab and renders with its outputs on any Git host. It
// presents the results of one check (package check): nothing is run or
// judged again.
//
//   - The prose between programs becomes Markdown cells, as written; the
//     front matter is left out, its title becoming the notebook's title
//     (and a first heading when the lesson has no level-1 heading).
//   - Each go block becomes a code cell. Its outputs are the output
//     events of the block's first run, as stream outputs: stdout and
//     stderr apart when the run kept them apart (an output block with
//     the option stdout or stderr), else one stdout stream of both, in
//     the order the program wrote them. A traced run (option trace) adds
//     each execution trace as a display_data output: its picture
//     (image/svg+xml, as the web page draws it) and its text (text/plain,
//     as read prints it). A run that did not end by itself
//     (a timeout, a build error) adds an error output with the reason.
//     Code cells that ran are numbered in order (execution_count); the
//     others have none. The cell's metadata "bingfa" holds the block's
//     name, line, info string, verdict, engine and exit status.
//   - A complete program starts with %reset and has no package clause
//     (GoNB writes its own), so that it sees nothing of the cells before
//     it. A notebook cell (option cell) is its declarations, then %% and
//     its statements, which GoNB wraps in func main; the first of a run
//     of cells starts with %reset, the others build on the cells before
//     them, as the lesson's cells do.
//   - After a block with an expected output comes a Markdown cell with
//     that output (metadata "bingfa" with role "expected") and the
//     verdict: passed, or failed with the problems at their lesson lines
//     and the diff.
//   - A nobuild block is a Markdown cell with its code; an exercise is a
//     code cell of its starting code, without outputs (the check ran the
//     answer), followed by the expected output and what to do.
//
// The words a reader sees are those of the course's language, Chinese
// unless another catalogue (English: "en") is asked for.
//
// # Import
//
// Import turns a Go notebook into a lesson: see its documentation.
package notebook
