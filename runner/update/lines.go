package update

import (
	"bytes"
	"strings"
)

// eolAt returns the line ending of the line holding offset off: "\r\n" or
// "\n". A last line without an ending takes the ending of the line before
// it, if any.
func eolAt(src []byte, off int) string {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		if i > 0 && src[off+i-1] == '\r' {
			return "\r\n"
		}
		return "\n"
	}
	if i := bytes.LastIndexByte(src[:off], '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// rawLines splits b into lines, each with its line ending.
func rawLines(b []byte) [][]byte {
	var lines [][]byte
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		lines = append(lines, b[:i])
		b = b[i:]
	}
	return lines
}

// textLines splits text into lines without their endings (LF or CRLF);
// a final line ending does not start another line.
func textLines(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// blank reports whether a line is blank, as the output matcher sees it.
func blank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }
