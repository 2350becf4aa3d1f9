package lesson

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// Bounds on what a lesson may be, so that a lesson from someone else
// cannot make loading it hang: goldmark takes time that grows faster
// than the input with deeply nested block quotes and lists and with
// thousands of brackets in one paragraph (2,000 nested list items took 87
// seconds, 20,000 "[a](" 7 seconds).
const (
	// MaxSize is the size of the largest lesson file: 1 MiB, 45 times the
	// course's largest.
	MaxSize = 1 << 20
	// maxDepth bounds the block quotes and list items one inside another.
	maxDepth = 16
	// maxIndent bounds the columns of white space before a line's text,
	// outside fenced code blocks (which hold no Markdown).
	maxIndent = 64
	// maxOpeners bounds the "[" and "<" in one paragraph, outside fenced
	// code blocks.
	maxOpeners = 512
)

// readFile reads the lesson file at path: a regular file (not a FIFO,
// which would block, or a device) of at most MaxSize bytes.
func readFile(path string) ([]byte, error) {
	if info, err := os.Stat(path); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v): not read as a lesson", path, info.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file: not read as a lesson", path)
	}
	return readMax(path, f)
}

// readMax reads r, the file at path, refusing more than MaxSize bytes.
func readMax(path string, r io.Reader) ([]byte, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d bytes, the most a lesson may have", path, MaxSize)
	}
	return src, nil
}

// checkBounds reports the first line of src beyond the bounds on nesting
// (maxDepth, maxIndent, maxOpeners), at "path:line:". Fenced code blocks
// are skipped, roughly as CommonMark finds them: a program may have many
// brackets.
func checkBounds(path string, src []byte) error {
	var fence []byte // the fence that opened the current code block
	openers := 0
	for i, line := range bytes.Split(src, []byte("\n")) {
		rest, depth, indent, lead := containers(line)
		if fence != nil {
			if closes(rest, fence) {
				fence = nil
			}
			continue
		}
		if f := opens(rest); f != nil && (lead <= 3 || depth > 0 && lead <= 6) {
			fence, openers = f, 0
			continue
		}
		switch {
		case depth > maxDepth:
			return Errorf(path, i+1, "more than %d block quotes and list items one inside another: not parsed", maxDepth)
		case indent > maxIndent:
			return Errorf(path, i+1, "indented by more than %d columns outside a fenced code block: not parsed", maxIndent)
		}
		if len(bytes.TrimSpace(rest)) == 0 {
			openers = 0
			continue
		}
		openers += bytes.Count(rest, []byte("[")) + bytes.Count(rest, []byte("<"))
		if openers > maxOpeners {
			return Errorf(path, i+1, "more than %d \"[\" and \"<\" in one paragraph: not parsed", maxOpeners)
		}
	}
	return nil
}

// containers strips the marks of block quotes and list items at the
// start of line. It returns the rest, how many marks there were, the
// columns of white space among them, and those just before the rest.
func containers(line []byte) (rest []byte, depth, indent, lead int) {
	for {
		lead = 0
		for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			w := 1
			if line[0] == '\t' {
				w = 4
			}
			lead += w
			line = line[1:]
		}
		indent += lead
		n := marker(line)
		if n == 0 {
			return line, depth, indent, lead
		}
		depth++
		line = line[n:]
	}
}

// marker returns the length of the block quote or list item mark at the
// start of line, or 0.
func marker(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	if line[0] == '>' {
		return 1
	}
	n := 0
	switch {
	case line[0] == '-' || line[0] == '*' || line[0] == '+':
		n = 1
	default:
		for n < len(line) && n < 9 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		if n == 0 || n == len(line) || line[n] != '.' && line[n] != ')' {
			return 0
		}
		n++
	}
	if n < len(line) && line[n] != ' ' && line[n] != '\t' && line[n] != '\r' {
		return 0
	}
	return n
}

// opens returns the fence that line opens, or nil.
func opens(line []byte) []byte {
	if len(line) < 3 || line[0] != '`' && line[0] != '~' {
		return nil
	}
	n := 0
	for n < len(line) && line[n] == line[0] {
		n++
	}
	if n < 3 || line[0] == '`' && bytes.IndexByte(line[n:], '`') >= 0 {
		return nil
	}
	return line[:n]
}

// closes reports whether line closes a code block opened by fence.
func closes(line, fence []byte) bool {
	t := bytes.TrimSpace(line)
	return len(t) >= len(fence) && len(bytes.Trim(t, string(fence[:1]))) == 0
}
