package render

import (
	"html/template"
	"sync"
)

// Highlighting is most of the time spent rendering a page (chroma's lexers
// are regular expressions), and pages are rendered again and again by a
// live reader, with the same code: a codeCache keeps the highlighted HTML
// of recent code. It holds at most maxCached entries and starts afresh
// when full.
const maxCached = 2000

type codeKey struct {
	lang, src   string
	lineNumbers bool
}

type codeCache struct {
	mu sync.Mutex
	m  map[codeKey]template.HTML
}

func newCodeCache() *codeCache { return &codeCache{m: map[codeKey]template.HTML{}} }

func (c *codeCache) get(k codeKey) (template.HTML, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.m[k]
	return h, ok
}

func (c *codeCache) put(k codeKey, h template.HTML) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCached {
		c.m = map[codeKey]template.HTML{}
	}
	c.m[k] = h
}
