package report

import "testing"

// TestEscape: the workflow command syntax's escapes, for a message and
// for a property such as a file name.
func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"plain 并发", "plain 并发", "plain 并发"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r", "a%0Ab%0D", "a%0Ab%0D"},
		{"x: a, b", "x: a, b", "x%3A a%2C b"},
		{"%0A", "%250A", "%250A"},
	} {
		if got := escapeData(c.in); got != c.data {
			t.Errorf("escapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := escapeProperty(c.in); got != c.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}
