package render

import (
	"fmt"
	"strings"
	"testing"

	"bingfa/runner/engine"
)

// TestClip checks that clipped output keeps whole characters, however
// the pipe's reads split them into events, and keeps bytes that are not
// UTF-8 at all.
func TestClip(t *testing.T) {
	ev := func(s engine.Stream, d string) engine.Event { return engine.Event{Stream: s, Data: []byte(d)} }
	out, errs := engine.Stdout, engine.Stderr
	for _, tt := range []struct {
		name string
		evs  []engine.Event
		max  int
		want string // each event's stream and quoted bytes
	}{
		{"fits", []engine.Event{ev(out, "ab并")}, 5, `stdout "ab并"`},
		{"ascii", []engine.Event{ev(out, "abcdef")}, 4, `stdout "abcd" | stdout "\n…\n"`},
		{"inside one event", []engine.Event{ev(out, "ab并发")}, 6, `stdout "ab并" | stdout "\n…\n"`},
		{"character across events, cut in the second", []engine.Event{ev(out, "ab\xe5"), ev(out, "\xb9\xb6发")}, 4,
			`stdout "ab" | stdout "" | stdout "\n…\n"`},
		{"character across events, cut at the first's end", []engine.Event{ev(out, "ab\xe5\xb9"), ev(out, "\xb6cd")}, 4,
			`stdout "ab" | stdout "" | stdout "\n…\n"`},
		{"another stream between the halves", []engine.Event{ev(out, "a\xe5"), ev(errs, "E"), ev(out, "\xb9\xb6b")}, 3,
			`stdout "a" | stderr "E" | stdout "" | stdout "\n…\n"`},
		{"the other stream's half is kept", []engine.Event{ev(errs, "\xe5"), ev(out, "ab"), ev(out, "cd")}, 3,
			`stderr "\xe5" | stdout "ab" | stdout "" | stdout "\n…\n"`},
		{"not UTF-8", []engine.Event{ev(out, "a\xff\xfe\xfdb")}, 4, `stdout "a\xff\xfe\xfd" | stdout "\n…\n"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range clip(tt.evs, tt.max, "…") {
				got = append(got, fmt.Sprintf("%s %q", e.Stream, e.Data))
			}
			if s := strings.Join(got, " | "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}
