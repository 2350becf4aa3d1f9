// Package match compares what a program printed with the output a lesson
// expects.
//
// # Normalisation
//
// Both texts are normalised first, as Go's testable examples do: CRLF
// becomes LF, trailing spaces and tabs are removed from every line, and
// white space at the very beginning and end of the text (so blank lines at
// both ends) is ignored.
//
// # Placeholders
//
// Expected text may contain placeholders for what legitimately varies from
// run to run. Nothing else in the text is special; a literal "{{" is
// written {{"{{"}}.
//
//	{{any}}          any text within the line, possibly empty
//	{{int}}          an integer: -12, 4242
//	{{float}}        a number as Go prints it: 3.14, 1e+06, -0.5, NaN, +Inf
//	{{duration}}     a time.Duration as Go prints it: 1.5ms, 2m3s, 850µs
//	{{A..B}}         a number from A to B inclusive; when A and B are both
//	                 integers the number must be an integer too
//	{{"a"|"b"}}      one of the texts (Go string literals), the longest
//	                 that fits first: {{"weekday"|"weekend"}}
//	{{KIND:NAME}}    a named value (KIND is any, int, float, duration, A..B
//	                 or a choice "a"|"b"): every occurrence of NAME in the
//	                 block must be the same text, and two different names
//	                 must not be the same text
//	{{KIND:~NAME}}   a free named value: the same text at every occurrence,
//	                 but it may be the same as another name's (the worker
//	                 and the job it runs may both be 1)
//	{{...}}          alone on a line: any number of lines, including none
//	{{"text"}}       text literally (a Go string literal)
//	{{soft}}         at the start of a line: the line is soft; if it does
//	                 not match, the mismatch is reported as a warning and
//	                 the line still takes its place in the output
//
// A soft line behaves the same in every order below: in order and as an
// order-by barrier it takes the actual line at its place (none if the
// output ends before it); in a key's lines under order-by it takes the
// next line with its key; unordered, it lets one actual line go unpaired.
// A soft line never fails a match, and its miss is never silent.
//
// Numbers match whole: {{int}} takes every digit that follows, so
// "{{int}}5" never matches "125".
//
// # Order
//
// By default lines must appear in the expected order. Options change that:
// Unordered compares the lines as a multiset (each expected line matches a
// different actual line; {{...}} then allows extra lines), and OrderBy
// gives a partial order. With OrderBy, the key of a line is the first
// capture group of the regular expression: lines with equal keys must keep
// their relative order, lines with different keys may interleave, and a
// line the expression does not match (or whose group is empty) is a
// barrier that keeps its place: keyed lines can move only between the
// barriers around them. Keys of expected lines are computed from the text
// as written (after {{soft}}), so a key should not contain a placeholder.
//
// # Failures
//
// A failed match says which expected line failed and why: the literal text
// that differed, the placeholder that found no value or a value out of
// range, or the named value that changed or clashed with another name.
// After {{any}}, when the text that follows occurs nowhere in the rest of
// the line, the failure shows where the line comes closest to it and what
// differs there.
//
// # Cost
//
// {{any}} tries only the ends after which the literal text that follows
// it occurs. A match is bounded both by its steps (lines and placeholders
// tried) and by its work (bytes compared or searched, 256 MiB): expected
// output that allows too many alignments fails with a message that says
// so, instead of running for ever.
package match
