// Package render turns bingfa lessons into HTML pages: the pages of an
// exported site (package export) and of the live reader (package serve),
// which share its templates, stylesheet and script, so that both look the
// same.
//
// # Pages
//
// A Renderer renders a lesson (Renderer.Page, Renderer.WritePage) and the
// index of a course (Renderer.Index, Renderer.WriteIndex). A page renders
// the lesson's document as the lesson parse made it (lesson.Lesson.Doc,
// parsed with lesson.Markdown): it never parses the lesson again, nor
// changes the document, so that pages of one lesson can be rendered from
// several goroutines. What a page adds is a goldmark extension of
// lesson.Markdown made for the page: node renderers for fenced code and
// links that look up what the page shows in their place. Headings have the
// ids the lesson parse gave them, which keep their Chinese text
// (一个核-轮流执行), unique within the page; level-2 and level-3 headings
// make the page's table of contents. Links to a lesson file lead to its
// page; links that leave the site are marked rel="external".
//
// Every program block of the lesson is shown as a cell in place of its go
// fence, followed by its result; the output fence that belongs to the
// program is not shown, as the result shows it. A cell shows the block's
// name, its options and its code, highlighted with chroma using CSS
// classes (the stylesheet, code.css, is written once by WriteCSS, with a
// light and a dark theme). Fences in other languages are highlighted when
// chroma knows them (go, python, sh...), and shown as plain text
// otherwise; lexers are looked up once, when the Renderer is made.
//
// # Results
//
// A result shows the block's run when check results are given (Results):
// the output, the status (passed, failed, built), the engine and time, the
// problems, and for a failed block the expected and the actual output side
// by side with the differing lines and characters marked. The recorded
// output events, with their times, are in the result's data-replay
// attribute for the script's replay button, and an inline SVG timeline
// shows when each line appeared (a report of the Go runtime, a data race
// or a panic, is one marker there, not a dot per line); a runs=N block also shows its distinct
// outputs with their counts as a bar chart. A traced run (the option
// trace) shows under its output the picture of each of its execution
// traces, one per process, as self-contained SVG (trace.SVG: a lane per
// goroutine, a title on every segment for hovering, no script), with its
// facts. Without results the expected output is shown, marked as not run.
//
// A program that does not compile shows the compiler's errors at lines of
// the block's own code, numbered as the reader's editor numbers them (the
// code's first line is 1), in the result's data-marks attribute for the
// live script to mark in the editor's gutter; its pane has no exit
// status, output or replay. A run's race report marks the lines of the
// block's code where each of its conflicting accesses is, and a panic's or
// fatal error's stack the lines it passes through (where the program
// crashed, the calls that led there, where each other goroutine stood),
// in data-marks too, each with its message in the page's language; the
// page's script marks them on the code, and the live script in the
// editor's gutter too. An output pane is capped in height (it scrolls),
// with a "show all" control when it overflows; a page holds at most 64
// KiB of a run's output, a timeline of its first 300 lines, and diffs of
// at most 400 lines a side (from a little before the first difference),
// so that a program printing thousands of lines makes no megabyte page. An exercise's hint, a blockquote starting with
// 提示： (or Hint:) in the exercise's section, is folded under a control
// (a details element) until the reader asks for it. Placeholders of an expected output ({{int}},
// {{soft}}, {{1.6..2.6}}) are shown as labelled chips whose tooltip says
// what they accept; a passed run whose expected output has placeholders
// shows each expected line beside the actual line it matched. A notebook
// cell's header links to the earlier cells it depends on.
//
// # Words
//
// Every word a page shows comes from the message catalogue (package msg)
// in the lesson's language: its front matter lang, else the course's
// (Config.Lang), else Chinese. The templates are parsed once per language;
// a page carries the messages its scripts need as JSON (id bingfa-msg).
// The runner's English messages (problems, why an engine ran a block) are
// translated with msg.Lang.Report; engine names stay, explained in a
// tooltip.
//
// # Search
//
// NewSearchIndex builds the search index of a course's pages: the prose
// of each section with, for each term (Han characters and character
// bigrams, and lower-case words), the sections containing it; the words
// of a section's code are indexed too, so that an identifier such as
// Getppid finds the section whose program calls it. It is
// written as a script (search-index.js) that assigns a global, so that it
// loads from file://.
//
// # Assets
//
// AssetFiles returns every file of a site's assets directory: package
// assets' stylesheet and script, code.css and the search index.
// AssetHandler serves them.
package render
