package serve

import (
	"fmt"
	"strings"
	"testing"

	"bingfa/runner/engine"
)

// TestJoinerKeepsCharacters cuts Chinese text, stdout and stderr
// interleaved, at every byte: the events' texts are valid UTF-8 and join
// back to the text of each stream.
func TestJoinerKeepsCharacters(t *testing.T) {
	text := "并发与并行，goroutine 和线程。😀\n"
	for cut := 1; cut < len(text); cut++ {
		var j joiner
		got := map[engine.Stream]*strings.Builder{engine.Stdout: {}, engine.Stderr: {}}
		for _, piece := range []string{text[:cut], text[cut:]} {
			for _, s := range []engine.Stream{engine.Stdout, engine.Stderr} {
				out := j.next(engine.Event{Stream: s, Data: []byte(piece)})
				if strings.ContainsRune(out, '\uFFFD') || !isValid(out) {
					t.Fatalf("cut at %d: an event's text %q is not whole characters", cut, out)
				}
				got[s].WriteString(out)
			}
		}
		if rest := j.rest(); len(rest) != 0 {
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
	var j joiner
	if out := j.next(engine.Event{Data: []byte("好\xe4\xb8")}); out != "好" {
		t.Errorf("got %q", out)
	}
	rest := j.rest()
	if len(rest) != 1 || string(rest[0].Data) != "\xe4\xb8" {
		t.Errorf("rest %q", rest)
	}
}

func isValid(s string) bool { return strings.ToValidUTF8(s, "?") == s }

// TestChineseStream runs a program printing 30 000 lines of Chinese: the
// output events carry every character whole, in order.
func TestChineseStream(t *testing.T) {
	ts := newTestServer(t, Config{})
	src := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := 0; i < 30000; i++ {\n\t\tfmt.Printf(\"并发%d行\\n\", i)\n\t}\n}\n"
	out := output(t, ts.run(t, "hello", src))
	if strings.ContainsRune(out, '\uFFFD') {
		t.Errorf("the output has U+FFFD")
	}
	var want strings.Builder
	for i := 0; i < 30000; i++ {
		fmt.Fprintf(&want, "并发%d行\n", i)
	}
	if out != want.String() {
		t.Errorf("the output differs from what the program printed (%d bytes, want %d)", len(out), want.Len())
	}
}
