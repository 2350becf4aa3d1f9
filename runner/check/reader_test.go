package check_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
)

// TestRunTellsWaits runs a block for a reader twice with an empty cache:
// the first run is told, before it starts, that it waits for its build;
// the second, whose program is built, starts without waiting. The
// program imports nothing: its link in the empty cache is the quickest.
func TestRunTellsWaits(t *testing.T) {
	l, err := lesson.Parse("wait.md", []byte("```go\npackage main\n\nfunc main() { println(\"hi\") }\n```\n\n```output\nhi\n```\n"))
	if err != nil {
		t.Fatal(err)
	}
	e := compiled.New(t.TempDir())
	defer e.Close()
	c := check.New(check.Config{Router: check.Only(e), Builder: e})
	for i, want := range []string{"queued build=true 0/0, started compiled, output, pass", "started compiled, output, pass"} {
		var events []string
		res := c.Run(context.Background(), l, l.Blocks[0], check.Watch{
			Queued: func(w check.Wait) {
				events = append(events, fmt.Sprintf("queued build=%v %d/%d", w.Build, w.Built, w.Total))
			},
			Started: func(name string, _ check.Why) { events = append(events, "started "+name) },
			Output:  func(engine.Event) { events = append(events, "output") },
		})
		events = append(events, res.Status.String())
		if got := strings.Join(events, ", "); got != want {
			t.Errorf("run %d: %s\nwant %s", i+1, got, want)
		}
	}
}
