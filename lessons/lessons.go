// Package lessons holds the course: Markdown lessons whose Go programs are
// built and run, and whose expected output is checked, by bingfa. The
// lessons are embedded in the bingfa binary.
package lessons

import "embed"

// FS holds every lesson (*.md) of the course, and its README.
//
//go:embed *.md
var FS embed.FS
