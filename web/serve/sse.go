package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

// An eventStream writes Server-Sent Events: each event a name and one line
// of JSON, flushed at once so that the page sees output as it is printed.
type eventStream struct {
	mu sync.Mutex
	w  http.ResponseWriter
	rc *http.ResponseController
}

func newEventStream(w http.ResponseWriter) *eventStream {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	s := &eventStream{w: w, rc: http.NewResponseController(w)}
	s.rc.Flush()
	return s
}

// send writes one event. It may be called from several goroutines.
func (s *eventStream) send(event string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.write("event: %s\ndata: %s\n\n", event, data)
}

// comment writes a comment line, which keeps idle connections open.
func (s *eventStream) comment(text string) error { return s.write(": %s\n\n", text) }

// write writes to the stream and flushes it, one writer at a time.
func (s *eventStream) write(format string, args ...any) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := fmt.Fprintf(s.w, format, args...); err != nil {
		return err
	}
	return s.rc.Flush()
}
