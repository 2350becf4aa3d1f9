package msg

import (
	"fmt"
	"maps"
	"strings"
)

// A Lang is a language of the catalogue.
type Lang string

// The languages of the catalogue.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Default is the language of a course that names none.
const Default = Zh

// Parse returns the language of a BCP 47 tag: en for "en" and "en-*",
// zh for anything else (the empty tag included).
func Parse(tag string) Lang {
	t := strings.ToLower(strings.TrimSpace(tag))
	if t == "en" || strings.HasPrefix(t, "en-") || strings.HasPrefix(t, "en_") {
		return En
	}
	return Default
}

// Tag returns the BCP 47 tag of a page in language l, for its lang
// attribute.
func (l Lang) Tag() string {
	if l == En {
		return "en"
	}
	return "zh-CN"
}

// table returns the messages of l.
func (l Lang) table() map[string]string {
	if l == En {
		return en
	}
	return zh
}

// T returns the message key in language l, formatted with args. A key
// the catalogue lacks is returned as it is, so that a mistake shows.
func (l Lang) T(key string, args ...any) string {
	s, ok := l.table()[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// N returns the message key for the number n: key+".one" when n is 1
// and the catalogue has it.
func (l Lang) N(key string, n int) string {
	if _, ok := l.table()[key+".one"]; ok && n == 1 {
		return l.T(key+".one", n)
	}
	return l.T(key, n)
}

// Messages returns every message of l by key (a copy).
func (l Lang) Messages() map[string]string {
	return maps.Clone(l.table())
}
