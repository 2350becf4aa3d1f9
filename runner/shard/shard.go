// Package shard splits a course into N parts that N machines check at
// once, the way test suites are sharded in CI: each machine runs
// check --shard K/N and writes a JSON report, and report merge combines
// the reports.
//
// # Assignment
//
// Whole lessons are assigned, never single blocks: a lesson's cells build
// on each other, its serial blocks must run on a quiet machine, and its
// history is kept per lesson. Every lesson is on exactly one shard of N,
// and the assignment depends only on the lessons and the times given, so
// that shards on different machines agree without talking to each other.
//
// Without times, a lesson goes to shard 1 + h mod N, where h is the
// FNV-1a hash of its path with forward slashes: a lesson stays on its
// shard when others are added or removed. With times (the seconds its
// programs ran, from an earlier report), lessons are dealt longest first,
// each to the shard with the least time so far (ties to the lowest
// shard); a lesson the times do not know counts as the mean of those
// they know. Every shard must be given the same times.
package shard

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"bingfa/runner/lesson"
)

// A Spec is one shard: K of N, 1 <= K <= N.
type Spec struct{ K, N int }

// Parse reads "K/N".
func Parse(s string) (Spec, error) {
	k, n, ok := strings.Cut(s, "/")
	sp := Spec{}
	var err1, err2 error
	sp.K, err1 = strconv.Atoi(k)
	sp.N, err2 = strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || sp.N < 1 || sp.K < 1 || sp.K > sp.N {
		return Spec{}, fmt.Errorf("bad shard %q: want K/N with 1 <= K <= N, such as 2/3", s)
	}
	return sp, nil
}

func (s Spec) String() string { return fmt.Sprintf("%d/%d", s.K, s.N) }

// Times are the seconds each lesson's programs ran, by lesson path; nil
// when unknown.
type Times map[string]float64

// Pick returns the lessons of ls on shard s, in their order.
func (s Spec) Pick(ls []*lesson.Lesson, times Times) []*lesson.Lesson {
	shards := Assign(ls, s.N, times)
	var out []*lesson.Lesson
	for i, l := range ls {
		if shards[i] == s.K {
			out = append(out, l)
		}
	}
	return out
}

// Assign returns the shard (1 to n) of every lesson of ls.
func Assign(ls []*lesson.Lesson, n int, times Times) []int {
	if len(times) == 0 {
		return byHash(ls, n)
	}
	return byTime(ls, n, times)
}

func byHash(ls []*lesson.Lesson, n int) []int {
	out := make([]int, len(ls))
	for i, l := range ls {
		h := fnv.New32a()
		h.Write([]byte(filepath.ToSlash(l.Path)))
		out[i] = 1 + int(h.Sum32()%uint32(n))
	}
	return out
}

func byTime(ls []*lesson.Lesson, n int, times Times) []int {
	cost := costs(ls, times)
	order := make([]int, len(ls))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(cost[b], cost[a]), cmp.Compare(filepath.ToSlash(ls[a].Path), filepath.ToSlash(ls[b].Path)))
	})
	load := make([]float64, n)
	out := make([]int, len(ls))
	for _, i := range order {
		least := slices.Index(load, slices.Min(load))
		load[least] += cost[i]
		out[i] = least + 1
	}
	return out
}

// costs returns the time of every lesson, the mean of the known ones for
// a lesson the times do not know.
func costs(ls []*lesson.Lesson, times Times) []float64 {
	var sum float64
	known := 0
	for _, l := range ls {
		if t, ok := times[filepath.ToSlash(l.Path)]; ok {
			sum += t
			known++
		}
	}
	mean := 1.0
	if known > 0 {
		mean = sum / float64(known)
	}
	out := make([]float64, len(ls))
	for i, l := range ls {
		t, ok := times[filepath.ToSlash(l.Path)]
		if !ok {
			t = mean
		}
		out[i] = t
	}
	return out
}
