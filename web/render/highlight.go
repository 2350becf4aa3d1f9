package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Languages highlighted besides Go: the lessons quote Python from the
// notes they follow, and shell commands. Any other fence is shown as plain
// text. Lexers are looked up once, in newHighlighter: chroma's lookup of
// an unknown name (such as "output") scans every lexer's file patterns and
// costs about 10 ms a call.
var highlighted = []string{"go", "python", "bash", "sh", "shell", "console"}

// Themes of the code: light by default, dark when the system prefers it.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// A highlighter turns source code into HTML marked up with chroma's CSS
// classes. It is safe for concurrent use.
type highlighter struct {
	lexers map[string]chroma.Lexer
	code   *chromahtml.Formatter // program blocks: with line numbers
	plain  *chromahtml.Formatter // other fences
	light  *chroma.Style
	dark   *chroma.Style
	cache  *codeCache
}

func newHighlighter() (*highlighter, error) {
	h := &highlighter{
		lexers: map[string]chroma.Lexer{},
		code: chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithAllClasses(true),
			chromahtml.WithLineNumbers(true), chromahtml.WithPreWrapper(noPre{})),
		plain: chromahtml.New(chromahtml.WithClasses(true), chromahtml.WithAllClasses(true),
			chromahtml.WithPreWrapper(noPre{})),
		light: styles.Get(lightStyle),
		dark:  styles.Get(darkStyle),
		cache: newCodeCache(),
	}
	for _, name := range highlighted {
		l := lexers.Get(name)
		if l == nil {
			return nil, fmt.Errorf("chroma has no lexer for %s", name)
		}
		h.lexers[name] = chroma.Coalesce(l)
	}
	return h, nil
}

// highlight returns src as HTML, without the surrounding <pre>: marked up
// for lang when it is a highlighted language, escaped text otherwise.
// Program blocks get line numbers.
func (h *highlighter) highlight(lang, src string, lineNumbers bool) template.HTML {
	lexer := h.lexers[lang]
	if lexer == nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	key := codeKey{lang, src, lineNumbers}
	if html, ok := h.cache.get(key); ok {
		return html
	}
	html := h.format(lexer, src, lineNumbers)
	h.cache.put(key, html)
	return html
}

// format highlights src with lexer.
func (h *highlighter) format(lexer chroma.Lexer, src string, lineNumbers bool) template.HTML {
	it, err := lexer.Tokenise(nil, src)
	if err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	f := h.plain
	if lineNumbers {
		f = h.code
	}
	var b bytes.Buffer
	if err := f.Format(&b, h.light, it); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String())
}

// writeCSS writes the stylesheet of highlighted code: the light theme,
// and the dark one for systems that prefer it. Each is scoped by its media
// query, so that no rule of one theme leaks into the other.
func (h *highlighter) writeCSS(w io.Writer) error {
	for _, t := range []struct {
		media string
		style *chroma.Style
	}{
		{"not (prefers-color-scheme: dark)", h.light},
		{"(prefers-color-scheme: dark)", h.dark},
	} {
		var b bytes.Buffer
		if err := h.code.WriteCSS(&b, t.style); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "@media %s {\n%s}\n", t.media, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// noPre is a chroma PreWrapper that writes nothing: pages write their own
// <pre> around code. (chroma's PreventSurroundingPre would also drop the
// line numbers.)
type noPre struct{}

func (noPre) Start(code bool, styleAttr string) string { return "" }
func (noPre) End(code bool) string                     { return "" }
