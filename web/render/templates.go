package render

import (
	"embed"
	"encoding/json"
	"html/template"
	"strings"
	"time"

	"bingfa/runner/msg"
)

// The page templates. Names a caller can execute (through the Renderer):
// "lesson.html" (a *Page), "index.html" (an *Index), "cell" and "result"
// (a block, through CellHTML). "head", "topbar" and "scripts" are shared
// by both pages. Every word they show comes from the message catalogue
// (package msg) through t, in the language of the set: a Renderer parses
// one set per language.
//
//go:embed templates/*.html
var templateFS embed.FS

func parseTemplates(lang msg.Lang) (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"t":      lang.T,
		"report": lang.Report,
		"engineTitle": func(engine, why string) string {
			return strings.TrimSpace(engineTip(lang, engine) + "\n" + lang.Why(why))
		},
		"json":           toJSON,
		"scriptMessages": func() map[string]string { return scriptMessages(lang) },
		"duration":       func(d time.Duration) string { return fmtDuration(d) },
		"label":          func(s Status) string { return lang.T("status." + string(s)) }, // a block's badge
		"searchJS":       func() string { return SearchName },
		"codeCSS":        func() string { return CSSName },
	}).ParseFS(templateFS, "templates/*.html")
}

// scriptPrefixes are the keys of the messages the pages' scripts use.
var scriptPrefixes = []string{"live.", "page.search", "cell.", "status.", "exercise.", "placeholder.", "result."}

// scriptMessages returns the messages of lang that the pages' scripts
// show, which a page carries as JSON (id bingfa-msg): the scripts have no
// words of their own.
func scriptMessages(lang msg.Lang) map[string]string {
	m := map[string]string{}
	for k, v := range lang.Messages() {
		for _, p := range scriptPrefixes {
			if strings.HasPrefix(k, p) {
				m[k] = v
			}
		}
	}
	return m
}

// toJSON returns v as JSON text, for data attributes.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// engineTip explains an engine's name, which pages keep as a term.
func engineTip(lang msg.Lang, engine string) string {
	switch {
	case strings.Contains(engine, "+"):
		return lang.T("engine.both")
	case engine == "yaegi", engine == "compiled", engine == "python":
		return lang.T("engine." + engine)
	}
	return ""
}
