package engine

import (
	"strings"
	"testing"
)

// TestJoinerKeepsCharacters cuts Chinese text, stdout and stderr
// interleaved, at every byte: the events' texts are valid UTF-8 and join
// back to the text of each stream.
func TestJoinerKeepsCharacters(t *testing.T) {
	text := "并发与并行，goroutine 和线程。😀\n"
	for cut := 1; cut < len(text); cut++ {
		var j Joiner
		got := map[Stream]*strings.Builder{Stdout: {}, Stderr: {}}
		for _, piece := range []string{text[:cut], text[cut:]} {
			for _, s := range []Stream{Stdout, Stderr} {
				out := j.Next(Event{Stream: s, Data: []byte(piece)})
				if strings.ContainsRune(out, '\uFFFD') || !isValid(out) {
					t.Fatalf("cut at %d: an event's text %q is not whole characters", cut, out)
				}
				got[s].WriteString(out)
			}
		}
		if rest := j.Rest(); len(rest) != 0 {
			t.Errorf("cut at %d: %d events held back at the end", cut, len(rest))
		}
		for s, b := range got {
			if b.String() != text {
				t.Errorf("cut at %d, stream %v: %q, want %q", cut, s, b.String(), text)
			}
		}
	}
}

// TestJoinerRest sends an incomplete character at the end as it is.
func TestJoinerRest(t *testing.T) {
	var j Joiner
	if out := j.Next(Event{Data: []byte("好\xe4\xb8")}); out != "好" {
		t.Errorf("got %q", out)
	}
	rest := j.Rest()
	if len(rest) != 1 || string(rest[0].Data) != "\xe4\xb8" {
		t.Errorf("rest %q", rest)
	}
}

func isValid(s string) bool { return strings.ToValidUTF8(s, "?") == s }
