package report

import "testing"

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain 并发\n\ttab", "plain 并发\n\ttab"},
		{"bell\a \x1b[2J clear", `bell\x07 \x1b[2J clear`},
		{"\xff\xfe not utf-8\r", `\xff\xfe not utf-8\x0d`},
		{"abc\u202edef", `abc\u202edef`},
		{"c1 \u0085 next", `c1 \u0085 next`},
		{"\x7f", `\x7f`},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
