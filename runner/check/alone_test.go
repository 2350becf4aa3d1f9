package check

import (
	"testing"

	"bingfa/runner/lesson"
	"bingfa/runner/sandbox"
)

// TestAlone: a client runs alone (as if serial) only where its session
// has the host's network, where a port its programs choose is the
// machine's: its server has sandbox=off or net=host, or there is no
// sandbox here. Elsewhere its session has a network of its own.
func TestAlone(t *testing.T) {
	const src = "# t\n\n" +
		"```go name=boxed server ready=up\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=off server ready=up sandbox=off\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=host server ready=up net=host\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=c-boxed client=boxed\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=c-off client=off\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=c-host client=host\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=plain\npackage main\n\nfunc main() {}\n```\n\n" +
		"```go name=serial serial\npackage main\n\nfunc main() {}\n```\n"
	l, err := lesson.Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"c-boxed": !sandbox.Enabled(), "c-off": true, "c-host": true, "plain": false, "serial": true}
	for _, b := range l.Blocks {
		w, ok := want[b.Name]
		if !ok {
			continue
		}
		if got := alone(b); got != w {
			t.Errorf("%s: alone %v, want %v", b.Name, got, w)
		}
		delete(want, b.Name)
	}
	if len(want) > 0 {
		t.Errorf("blocks not found: %v", want)
	}
}
