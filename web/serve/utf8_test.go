package serve

import (
	"fmt"
	"strings"
	"testing"
)

// TestChineseStream runs a program printing 30 000 lines of Chinese: the
// output events carry every character whole, in order.
func TestChineseStream(t *testing.T) {
	t.Parallel() // its own server
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
