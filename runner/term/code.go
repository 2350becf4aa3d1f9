package term

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/formatters"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Languages highlighted in fenced blocks; any other is printed plain
// (looking up an unknown lexer costs chroma about 10 ms).
var highlighted = map[string]bool{"go": true, "python": true, "bash": true, "sh": true, "shell": true, "console": true}

// codeStyle is chroma's style for code in a terminal.
const codeStyle = "monokai"

// code prints a fenced block's text, highlighted when colour is on.
func (r *Reader) code(lang, text string) {
	if r.Color && highlighted[lang] {
		if s, ok := highlight(lang, text); ok {
			r.printf("%s", s)
			r.ensureNewline(s)
			return
		}
	}
	r.printf("%s", text)
	r.ensureNewline(text)
}

// highlight returns text highlighted for a 256-colour terminal.
func highlight(lang, text string) (string, bool) {
	lx := lexers.Get(lang)
	if lx == nil {
		return "", false
	}
	it, err := chroma.Coalesce(lx).Tokenise(nil, text)
	if err != nil {
		return "", false
	}
	var b strings.Builder
	if formatters.TTY256.Format(&b, styles.Get(codeStyle), it) != nil {
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
