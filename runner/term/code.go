package term

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Languages highlighted in fenced blocks; any other is printed plain
// (looking up an unknown lexer costs chroma about 10 ms).
var highlighted = map[string]bool{"go": true, "python": true, "bash": true, "sh": true, "shell": true, "console": true}

// codeStyles are chroma's styles for code in a terminal with a dark and
// with a light background, made once.
var (
	darkCode  = sync.OnceValue(func() *chroma.Style { return forTerminal(styles.Get("monokai")) })
	lightCode = sync.OnceValue(func() *chroma.Style { return forTerminal(styles.Get("github")) })
)

// forTerminal returns base without its background and without the colour
// of plain text, which stays the terminal's own: the code is readable on
// light and dark terminals alike.
func forTerminal(base *chroma.Style) *chroma.Style {
	text := base.Get(chroma.Text).Colour
	b := chroma.NewStyleBuilder(base.Name + "-terminal")
	b.Add(chroma.Background, "noinherit")
	b.Add(chroma.Text, "noinherit")
	for _, t := range base.Types() {
		e := base.Get(t)
		if e.Colour == text {
			e.Colour = 0
		}
		if t == chroma.TextWhitespace {
			continue // a light theme's white spaces: nothing to see
		}
		e.Background, e.Border = 0, 0
		if e.Colour.IsSet() || e.Bold == chroma.Yes || e.Italic == chroma.Yes || e.Underline == chroma.Yes {
			b.AddEntry(t, e)
		}
	}
	s, err := b.Build()
	if err != nil {
		return base
	}
	return s
}

// code prints a fenced block's text, highlighted when colour is on, its
// control characters escaped.
func (r *Reader) code(lang, text string) {
	text = safe(text)
	if r.Color && highlighted[lang] {
		style := darkCode
		if r.Light {
			style = lightCode
		}
		if s, ok := highlight(lang, text, style()); ok {
			r.printf("%s", s)
			r.ensureNewline(s)
			return
		}
	}
	r.printf("%s", text)
	r.ensureNewline(text)
}

// highlight returns text highlighted for a 256-colour terminal.
func highlight(lang, text string, style *chroma.Style) (string, bool) {
	lx := lexers.Get(lang)
	if lx == nil {
		return "", false
	}
	it, err := chroma.Coalesce(lx).Tokenise(nil, text)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	if formatters.TTY256.Format(&b, style, it) != nil {
		return "", false
	}
	return b.String(), true
}

// ensureNewline ends the line if s does not.
func (r *Reader) ensureNewline(s string) {
	if s != "" && !strings.HasSuffix(s, "\n") {
		r.printf("\n")
	}
}
