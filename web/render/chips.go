package render

import (
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"bingfa/runner/msg"
)

// placeholder is a {{...}} of an expected line (see docs/format.md).
var placeholder = regexp.MustCompile(`\{\{(.*?)\}\}`)

// rangeKind is the kind of a {{A..B}} placeholder.
var rangeKind = regexp.MustCompile(`^(-?[0-9.]+)\.\.(-?[0-9.]+)$`)

// chips returns an expected line as HTML with each placeholder shown as a
// labelled chip (class "ph"), whose tooltip says what it accepts, and,
// when actual is not empty, the actual line it matched.
func chips(lang msg.Lang, line, actual string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range placeholder.FindAllStringSubmatchIndex(line, -1) {
		b.WriteString(template.HTMLEscapeString(line[last:m[0]]))
		last = m[1]
		inner := line[m[2]:m[3]]
		if s, err := strconv.Unquote(inner); err == nil && strings.HasPrefix(inner, `"`) {
			b.WriteString(template.HTMLEscapeString(s)) // {{"text"}}: the text itself
			continue
		}
		label, tip := chip(lang, inner)
		if actual != "" {
			tip += "\n" + lang.T("placeholder.got", actual)
		}
		b.WriteString(`<span class="ph" title="` + template.HTMLEscapeString(tip) + `">` + template.HTMLEscapeString(label) + `</span>`)
	}
	b.WriteString(template.HTMLEscapeString(line[last:]))
	return template.HTML(b.String())
}

// chipLines returns text, an expected output, as HTML with chips, line
// by line.
func chipLines(lang msg.Lang, text string) template.HTML {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = string(chips(lang, l, ""))
	}
	return template.HTML(strings.Join(lines, "\n"))
}

// chip returns the label and the tooltip of the placeholder {{inner}}.
func chip(lang msg.Lang, inner string) (label, tip string) {
	kind, name, named := strings.Cut(inner, ":")
	key := kind
	if m := rangeKind.FindStringSubmatch(kind); m != nil {
		key = "range"
	}
	switch key {
	case "any", "int", "float", "duration", "soft", "...", "range":
	default:
		return inner, lang.T("placeholder.tip", inner)
	}
	if key == "..." {
		key = "lines"
	}
	var args []any
	if key == "range" {
		args = []any{kind}
	}
	label = lang.T("ph."+key, args...)
	tip = lang.T("placeholder.tip", lang.T("ph."+key+".tip", args...))
	if named {
		label += " · " + name
		tip += "\n" + lang.T("ph.named", name)
	}
	return label, tip
}
