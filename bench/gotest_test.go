package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestTestPackages reads a go test -json stream: packages longest first,
// their start and end counted from the first event, failures named, and
// tests' own events and packages without tests left out.
func TestTestPackages(t *testing.T) {
	events := `{"Time":"2026-12-05T10:00:00Z","Action":"start","Package":"a"}
{"Time":"2026-12-05T10:00:01Z","Action":"start","Package":"b"}
{"Time":"2026-12-05T10:00:02Z","Action":"run","Package":"a","Test":"TestX"}
{"Time":"2026-12-05T10:00:03Z","Action":"pass","Package":"a","Test":"TestX","Elapsed":1}
{"Time":"2026-12-05T10:00:04Z","Action":"pass","Package":"a","Elapsed":4}
{"Time":"2026-12-05T10:00:05Z","Action":"output","Package":"c","Output":"?   \tc\t[no test files]\n"}
{"Time":"2026-12-05T10:00:05Z","Action":"skip","Package":"c","Elapsed":0}
not json
{"Time":"2026-12-05T10:00:11Z","Action":"fail","Package":"b","Elapsed":10}
`
	pkgs, failed := testPackages(strings.NewReader(events))
	want := []share{
		{Name: "b", Took: 10 * time.Second, Start: 1 * time.Second, End: 11 * time.Second},
		{Name: "a", Took: 4 * time.Second, Start: 0, End: 4 * time.Second},
	}
	if !slices.Equal(pkgs, want) {
		t.Errorf("packages:\n got %+v\nwant %+v", pkgs, want)
	}
	if !slices.Equal(failed, []string{"b"}) {
		t.Errorf("failed = %q, want [b]", failed)
	}
}

// TestWriteShares checks that a breakdown with start and end times names
// the part that ended last and shows when each part ran.
func TestWriteShares(t *testing.T) {
	var s strings.Builder
	writeShares(&s, "T", "package", []share{
		{Name: "long", Took: 10 * time.Second, Start: 1 * time.Second, End: 11 * time.Second},
		{Name: "late", Took: 3 * time.Second, Start: 20 * time.Second, End: 23 * time.Second},
	})
	for _, want := range []string{"The last to end was late, from 20.0 s to 23.0 s.", "| long | 10.00 | 1.0 | 11.0 |", "| package | seconds | from s | to s |"} {
		if !strings.Contains(s.String(), want) {
			t.Errorf("missing %q in:\n%s", want, s.String())
		}
	}
}
