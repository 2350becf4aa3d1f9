package report

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Colors says whether a terminal's output is coloured, and for which
// background: the colours for a light background are darker (no yellow
// or cyan, which a white background washes out).
type Colors struct {
	On    bool
	Light bool // the terminal's background is light
}

// ColorUsage describes the --color flag of the commands that colour
// their output.
const ColorUsage = "`WHEN`: auto (a terminal, unless NO_COLOR is set; light or dark after COLORFGBG), dark, light or never"

// ChooseColors returns the colours of output to f for the --color flag's
// value v: "auto" colours a terminal unless NO_COLOR is set (see
// no-color.org), for the background that COLORFGBG tells (dark when it
// tells nothing); "dark" and "light" colour for that background whatever
// f is; "never" does not colour.
func ChooseColors(v string, f *os.File) (Colors, error) {
	return chooseColors(v, IsTerminal(f), os.LookupEnv)
}

func chooseColors(v string, tty bool, env func(string) (string, bool)) (Colors, error) {
	switch v {
	case "never":
		return Colors{}, nil
	case "dark":
		return Colors{On: true}, nil
	case "light":
		return Colors{On: true, Light: true}, nil
	case "auto", "":
		if _, no := env("NO_COLOR"); no || !tty {
			return Colors{}, nil
		}
		fgbg, _ := env("COLORFGBG")
		return Colors{On: true, Light: lightBackground(fgbg)}, nil
	}
	return Colors{}, fmt.Errorf("--color=%s: want auto, dark, light or never", v)
}

// lightBackground reports whether COLORFGBG ("15;0", "0;default;15": the
// foreground's colour, then the background's) names a light background:
// colour 7 (light grey) or 9 to 15 (the bright colours), as vim reads it.
func lightBackground(fgbg string) bool {
	f := strings.Split(fgbg, ";")
	bg, err := strconv.Atoi(f[len(f)-1])
	return err == nil && (bg == 7 || bg >= 9 && bg <= 15)
}

// lightColors are the colours of a light background, in place of the
// ANSI ones a dark background takes.
var lightColors = map[string]string{
	red:    "38;5;124",
	green:  "38;5;28",
	yellow: "38;5;130",
	cyan:   "38;5;25",
}

// WithColors sets the report's colours (by default: coloured on a
// terminal, unless NO_COLOR is set).
func (t *Terminal) WithColors(c Colors) *Terminal {
	t.color, t.light = c.On, c.Light
	return t
}
