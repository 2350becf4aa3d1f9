package check

import (
	"slices"
	"testing"

	"bingfa/runner/verdict"
)

// TestWarningsOfLaterRuns: a soft line that missed only in a later run of
// several is reported, once, with its run; the verdicts of the runs
// themselves are left as they were.
func TestWarningsOfLaterRuns(t *testing.T) {
	first := &verdict.Verdict{Status: verdict.Pass, Warnings: []verdict.Problem{{Line: 5, Msg: "soft a"}}}
	second := &verdict.Verdict{Status: verdict.Pass, Warnings: []verdict.Problem{{Line: 5, Msg: "soft a again"}, {Line: 7, Msg: "soft b"}}}
	third := &verdict.Verdict{Status: verdict.Pass, Warnings: []verdict.Problem{{Line: 7, Msg: "soft b again"}}}
	got := withWarningsOf(first, []*verdict.Verdict{first, second, third})
	want := []verdict.Problem{{Line: 5, Msg: "soft a"}, {Line: 7, Msg: "run 2 of 3: soft b"}}
	if !slices.Equal(got.Warnings, want) {
		t.Errorf("warnings %+v, want %+v", got.Warnings, want)
	}
	if len(first.Warnings) != 1 {
		t.Errorf("the first run's own verdict changed: %+v", first.Warnings)
	}
}
