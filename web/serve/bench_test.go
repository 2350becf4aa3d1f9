package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"bingfa/runner/wiring"
)

// BenchmarkFirstOutput measures the time from a run request (POST
// /api/run) to the first output event on the run's stream, as a page sees
// it: for a block the router sends to yaegi, for a compiled block already
// in the cache, and for a compiled block never built before.
func BenchmarkFirstOutput(b *testing.B) {
	b.Run("yaegi", func(b *testing.B) {
		ts := newTestServerMode(b, Config{}, wiring.Auto)
		benchFirstOutput(b, ts, "yaegi", func(int) string { return code(b, "hello") })
	})
	b.Run("compiled-cached", func(b *testing.B) {
		ts := newTestServer(b, Config{})
		benchFirstOutput(b, ts, "compiled", func(int) string { return code(b, "hello") })
	})
	b.Run("compiled-new", func(b *testing.B) {
		ts := newTestServer(b, Config{})
		nonce := time.Now().UnixNano()
		benchFirstOutput(b, ts, "compiled", func(i int) string {
			return code(b, "hello") + fmt.Sprintf("\n// run %d-%d\n", nonce, i)
		})
	})
}

// benchFirstOutput runs the hello block once to warm up, then b.N times,
// timing each run from its request to its first output.
func benchFirstOutput(b *testing.B, ts *testServer, engine string, src func(i int) string) {
	if got := firstOutput(b, ts, src(-1)); got != engine {
		b.Fatalf("the block ran with %s, want %s", got, engine)
	}
	b.ResetTimer()
	for i := range b.N {
		firstOutput(b, ts, src(i))
	}
}

// firstOutput runs code as the hello block and returns once its first
// output arrived, with the engine that ran it. The rest of the run is not
// timed.
func firstOutput(b *testing.B, ts *testServer, code string) string {
	status, rep := ts.post(b, "hello", code)
	if status != http.StatusOK {
		b.Fatalf("status %d", status)
	}
	ch, closeStream := ts.stream(b, rep)
	defer closeStream()
	var engine string
	for ev := range ch {
		switch ev.name {
		case "start":
			var s startEvent
			json.Unmarshal([]byte(ev.data), &s)
			engine = s.Engine
		case "output":
			b.StopTimer()
			for range ch {
			}
			b.StartTimer()
			return engine
		case "done":
			b.Fatalf("no output: %s", strings.TrimSpace(ev.data))
		}
	}
	b.Fatal("the stream ended without output")
	return ""
}
