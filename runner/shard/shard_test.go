package shard_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/compiled"
	"bingfa/runner/lesson"
	"bingfa/runner/report"
	"bingfa/runner/shard"
	"bingfa/runner/wiring"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want shard.Spec
		ok   bool
	}{
		{"1/1", shard.Spec{K: 1, N: 1}, true},
		{"2/3", shard.Spec{K: 2, N: 3}, true},
		{"3/3", shard.Spec{K: 3, N: 3}, true},
		{"0/3", shard.Spec{}, false},
		{"4/3", shard.Spec{}, false},
		{"1/0", shard.Spec{}, false},
		{"2", shard.Spec{}, false},
		{"a/b", shard.Spec{}, false},
		{"-1/2", shard.Spec{}, false},
	} {
		got, err := shard.Parse(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func load(t *testing.T) []*lesson.Lesson {
	t.Helper()
	ls, err := lesson.Load([]string{"testdata/course"})
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// TestCover: for N = 1, 2, 3, by hash and by times, every lesson is on
// exactly one shard, each shard keeps the course order, and by times the
// shards are balanced as the greedy rule says.
func TestCover(t *testing.T) {
	ls := load(t)
	times := shard.Times{}
	for i, l := range ls {
		times[l.Path] = float64(i + 1) // 1 to 7 seconds
	}
	delete(times, ls[3].Path) // unknown: counts as the mean of the others
	for _, tm := range []shard.Times{nil, times} {
		for n := 1; n <= 3; n++ {
			t.Run(fmt.Sprintf("N=%d,times=%v", n, tm != nil), func(t *testing.T) {
				seen := map[*lesson.Lesson]int{}
				for k := 1; k <= n; k++ {
					picked := shard.Spec{K: k, N: n}.Pick(ls, tm)
					if !slices.IsSortedFunc(picked, func(a, b *lesson.Lesson) int { return slices.Index(ls, a) - slices.Index(ls, b) }) {
						t.Errorf("shard %d/%d is not in course order", k, n)
					}
					for _, l := range picked {
						seen[l]++
					}
				}
				for _, l := range ls {
					if seen[l] != 1 {
						t.Errorf("%s is on %d shards of %d", l.Path, seen[l], n)
					}
				}
			})
		}
	}
	// Times 1..7 without lesson 4 (the mean of the others: 4), dealt
	// longest first onto 3 shards, each to the least loaded, ties to the
	// lowest: 7→1, 6→2, 5→3, 4→3, 3→2, 2→1, 1→1; loads 10, 9, 9.
	got := shard.Assign(ls, 3, times)
	if want := []int{1, 1, 2, 3, 3, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("Assign by times = %v, want %v", got, want)
	}
}

// TestMerge checks testdata/course unsharded and in N = 1, 2, 3 shards,
// each written as a JSON report and read back as check --shard and
// report merge do: the merged reports hold every block exactly once and
// have the unsharded summary line.
func TestMerge(t *testing.T) {
	ls := load(t)
	set, err := wiring.New(wiring.Compiled, compiled.DefaultCacheDir())
	if err != nil {
		t.Fatal(err)
	}
	defer set.Close()
	run := func(ls []*lesson.Lesson) *check.Report {
		return check.New(set.Config()).Check(context.Background(), ls)
	}
	whole := report.Doc(run(ls))
	var want []string
	for _, b := range whole.Blocks {
		want = append(want, fmt.Sprintf("%s:%d", b.File, b.Line))
	}
	slices.Sort(want)
	for n := 1; n <= 3; n++ {
		var docs []*report.JSONReport
		for k := 1; k <= n; k++ {
			var buf bytes.Buffer
			if err := report.Doc(run(shard.Spec{K: k, N: n}.Pick(ls, nil))).Write(&buf); err != nil {
				t.Fatal(err)
			}
			doc, err := report.ReadJSON(&buf, fmt.Sprintf("shard-%d-of-%d.json", k, n))
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, doc)
		}
		merged, err := report.Merge(docs)
		if err != nil {
			t.Fatalf("N=%d: %v", n, err)
		}
		var got []string
		for _, b := range merged.Blocks {
			got = append(got, fmt.Sprintf("%s:%d", b.File, b.Line))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("N=%d: merged blocks\n%v\nwant\n%v", n, got, want)
		}
		if merged.Summary() != whole.Summary() {
			t.Errorf("N=%d: merged %q, unsharded %q", n, merged.Summary(), whole.Summary())
		}
	}
}
