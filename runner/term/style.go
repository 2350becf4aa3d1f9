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

// paint wraps s in style when colour is on.
func (r *Reader) paint(style, s string) string {
	if !r.Color || s == "" {
		return s
	}
	return style + s + reset
}
