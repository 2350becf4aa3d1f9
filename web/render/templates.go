package render

import (
	"embed"
	"encoding/json"
	"html/template"
	"time"
)

// The page templates. Names a caller can execute (through the Renderer):
// "lesson.html" (a *Page), "index.html" (an *Index), "cell" and "result"
// (a block, through CellHTML). "head", "topbar" and "scripts" are shared
// by both pages.
//
//go:embed templates/*.html
var templateFS embed.FS

func parseTemplates() (*template.Template, error) {
	return template.New("").Funcs(template.FuncMap{
		"json":     toJSON,
		"duration": func(d time.Duration) string { return fmtDuration(d) },
		"label":    statusLabel,
		"searchJS": func() string { return SearchName },
		"codeCSS":  func() string { return CSSName },
	}).ParseFS(templateFS, "templates/*.html")
}

// toJSON returns v as JSON text, for data attributes.
func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// statusLabel is the badge of a block's status, in Chinese.
func statusLabel(s Status) string {
	switch s {
	case Passed:
		return "通过"
	case Failed:
		return "失败"
	case Built:
		return "编译通过"
	case Expected:
		return "期望输出（未运行）"
	case Stopped:
		return "已停止"
	}
	return "仅展示"
}
