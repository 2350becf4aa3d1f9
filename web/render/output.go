package render

import (
	"strings"
	"time"
	"unicode/utf8"

	"bingfa/runner/engine"
)

// clip returns the events holding the first max bytes of output,
// followed by note when anything was left out. The cut never splits a
// character: the bytes of one it would leave incomplete are dropped,
// whichever events of its stream they came in (a pipe's read may end in
// the middle of a character, and the next read begin there).
func clip(evs []engine.Event, max int, note string) []engine.Event {
	n := 0
	for i, e := range evs {
		if n+len(e.Data) <= max {
			n += len(e.Data)
			continue
		}
		out := append([]engine.Event(nil), evs[:i]...)
		out = append(out, engine.Event{Stream: e.Stream, Time: e.Time, Data: e.Data[:max-n]})
		out = dropPartialRune(out, e.Stream)
		last := evs[len(evs)-1]
		return append(out, engine.Event{Stream: last.Stream, Time: last.Time, Data: []byte("\n" + note + "\n")})
	}
	return evs
}

// dropPartialRune removes from the end of stream s in evs the bytes of a
// character begun but not finished there. Bytes that are not UTF-8 at all
// stay: they are the program's output as it is.
func dropPartialRune(evs []engine.Event, s engine.Stream) []engine.Event {
	var tail []byte // the stream's last bytes, at most utf8.UTFMax-1
	for i := len(evs) - 1; i >= 0 && len(tail) < utf8.UTFMax-1; i-- {
		if d := evs[i].Data; evs[i].Stream == s {
			k := len(d) - min(len(d), utf8.UTFMax-1-len(tail))
			tail = append(append([]byte(nil), d[k:]...), tail...)
		}
	}
	start := len(tail) - 1
	for start >= 0 && !utf8.RuneStart(tail[start]) {
		start--
	}
	if start < 0 || utf8.FullRune(tail[start:]) {
		return evs
	}
	for i, drop := len(evs)-1, len(tail)-start; i >= 0 && drop > 0; i-- {
		if d := evs[i].Data; evs[i].Stream == s {
			k := min(drop, len(d))
			evs[i].Data, drop = d[:len(d)-k], drop-k
		}
	}
	return evs
}

// chunks joins consecutive events of the same stream into the pieces of
// text the output pane shows.
func chunks(evs []engine.Event) []Chunk {
	var cs []Chunk
	for _, e := range evs {
		s := streamName(e.Stream)
		if n := len(cs); n > 0 && cs[n-1].Stream == s {
			cs[n-1].Text += string(e.Data)
			continue
		}
		cs = append(cs, Chunk{Stream: s, Text: string(e.Data)})
	}
	return cs
}

// A line is one line of output and when it began to appear.
type line struct {
	At     time.Duration
	Stream string
	Text   string
	Report int // a runtime's report folded into this line: its number of lines (see foldReports)
}

// lines splits the output into lines, each stamped with the time of the
// event that brought its first byte. Lines of different streams are kept
// apart even when their writes interleave.
func lines(evs []engine.Event) []line {
	var out []line
	open := map[string]int{} // stream -> index in out of its unfinished line
	for _, e := range evs {
		s := streamName(e.Stream)
		data := string(e.Data)
		for data != "" {
			i, ok := open[s]
			if !ok {
				out = append(out, line{At: e.Time, Stream: s})
				i = len(out) - 1
				open[s] = i
			}
			text, rest, nl := strings.Cut(data, "\n")
			out[i].Text += text
			if nl {
				delete(open, s)
			}
			data = rest
		}
	}
	return out
}

// Replays are played by timers in the page: events closer together than
// this are merged into one, so that a program printing thousands of lines
// does not become thousands of timers.
const (
	replayGrain     = 2 * time.Millisecond
	maxReplayEvents = 2000
)

// newReplay returns the recorded run as the page's replay control plays
// it.
func newReplay(evs []engine.Event, elapsed time.Duration, split bool) *Replay {
	grain := replayGrain
	if n := len(evs); n > maxReplayEvents && elapsed > 0 {
		grain = max(grain, elapsed/maxReplayEvents)
	}
	rp := &Replay{Elapsed: ms(elapsed), Split: split, Events: []ReplayEvent{}}
	var last time.Duration
	for _, e := range evs {
		s := streamName(e.Stream)
		if n := len(rp.Events); n > 0 && rp.Events[n-1].Stream == s && e.Time-last < grain {
			rp.Events[n-1].Data += string(e.Data)
			continue
		}
		last = e.Time
		rp.Events = append(rp.Events, ReplayEvent{T: ms(e.Time), Stream: s, Data: string(e.Data)})
	}
	if n := len(evs); n > 0 && rp.Elapsed < ms(evs[n-1].Time) {
		rp.Elapsed = ms(evs[n-1].Time)
	}
	return rp
}

// ms returns d in milliseconds, to the microsecond.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
