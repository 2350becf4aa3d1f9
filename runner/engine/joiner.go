package engine

import "unicode/utf8"

// A Joiner keeps a character whole across a program's output events, for
// those who show them as they come: a piece of a UTF-8 sequence would
// become U+FFFD in an event's JSON, or be escaped as invalid on a
// terminal, so the start of a character whose end is in the next event of
// its stream is held back until then. Each stream has its own tail.
type Joiner struct {
	tail [3][]byte // by Stream
}

// Next returns the text of x to show: the tail held back from its
// stream's last event, x's data, less an incomplete character at its end,
// which is held back for the stream's next event.
func (j *Joiner) Next(x Event) string {
	s := int(x.Stream) % len(j.tail)
	b := append(j.tail[s], x.Data...)
	j.tail[s] = nil
	if cut := incomplete(b); cut < len(b) {
		j.tail[s] = append([]byte(nil), b[cut:]...)
		b = b[:cut]
	}
	return string(b)
}

// Rest returns what is held back of each stream when the program has
// ended: starts of characters that never ended, to be shown as they are
// (they are invalid output).
func (j *Joiner) Rest() []Event {
	var evs []Event
	for s, t := range j.tail {
		if len(t) > 0 {
			evs = append(evs, Event{Stream: Stream(s), Data: t})
		}
		j.tail[s] = nil
	}
	return evs
}

// incomplete returns the offset of an incomplete character at the end of
// b (the start of a UTF-8 sequence whose last bytes are missing), or
// len(b) when b ends with a whole character or with invalid bytes.
func incomplete(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
