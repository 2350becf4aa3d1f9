package term

// ANSI styles, used only when the reader has colour on.
const (
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	reset  = "\x1b[0m"
)

// lightStyles are the styles of a light background (Reader.Light) in
// place of those a dark one takes: darker 256-colour ones, since ANSI
// yellow and cyan, and faint text, are hard to read on white.
var lightStyles = map[string]string{
	dim:    "\x1b[38;5;243m",
	red:    "\x1b[38;5;124m",
	green:  "\x1b[38;5;28m",
	yellow: "\x1b[38;5;130m",
	cyan:   "\x1b[38;5;25m",
}

// paint wraps s in style when colour is on.
func (r *Reader) paint(style, s string) string {
	if !r.Color || s == "" {
		return s
	}
	if l, ok := lightStyles[style]; ok && r.Light {
		style = l
	}
	return style + s + reset
}
