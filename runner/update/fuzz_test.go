package update

import (
	"bytes"
	"sort"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// FuzzUpdate updates an arbitrary lesson, giving every block the same
// actual output and every copied file the same contents, and checks that
// the update changes nothing outside output blocks and copies of files,
// that the result parses into the same blocks, that every output block
// then matches, and that a second update changes nothing.
func FuzzUpdate(f *testing.F) {
	f.Add("```go\npackage main\n```\n\n```output\na {{int}}\nb\n```\n", "a 1\nc\n", "package main\n")
	f.Add("```go file=x.go\npackage main\n```\r\n", "```\n{{...}}\n", "package main\n````\n")
	f.Add("  ```go\n  package main\n  ```\n", "a\rb\nc\x00\n\u00a0\n  \tlead\n", "")
	f.Add("```go file=x.go\npackage main\n```\n", "", "x\r\r\ny")
	f.Fuzz(fuzzOne)
}

// fuzzOne is one case of FuzzUpdate.
func fuzzOne(t *testing.T, md, out, file string) {
	l, err := lesson.Parse("lesson.md", []byte(md))
	if err != nil {
		return
	}
	read := func(string) ([]byte, error) { return []byte(file), nil }
	actual := map[string]string{}
	for _, b := range l.Blocks {
		actual[b.Name] = out
	}
	got, err := update(l, read, actual)
	if err != nil {
		if _, ok := err.(lesson.ErrorList); !ok {
			t.Fatalf("error is not a list of lesson errors: %v", err)
		}
		return
	}
	nl, err := lesson.Parse("lesson.md", got)
	if err != nil {
		t.Fatalf("the result does not parse: %v\n%q", err, got)
	}
	sameBlocks(t, l, nl, file)
	if a, b := skeleton(l, nil), skeleton(nl, l); !bytes.Equal(a, b) {
		t.Fatalf("update changed bytes outside output blocks and copies:\n%q\n%q", a, b)
	}
	for _, b := range nl.Blocks {
		if b.Output != nil && !matches(b, b.Output.Text, out) && (l.Blocks[b.Index-1].Output != nil || b.Opts.Mode == lesson.Run) {
			t.Fatalf("block %s does not match its output after the update:\n%q", b.Name, got)
		}
	}
	again, err := update(nl, read, actual)
	if err != nil || !bytes.Equal(again, got) {
		t.Fatalf("a second update changes the result (%v):\n%q\n%q", err, got, again)
	}
}

// update synchronises l and brings its outputs up to date.
func update(l *lesson.Lesson, read ReadFunc, actual map[string]string) ([]byte, error) {
	src, err := Sync(l, l.Blocks, read)
	if err != nil {
		return nil, err
	}
	l2, err := reparse(l, src)
	if err != nil {
		return nil, err
	}
	return Outputs(l2, actual, nil)
}

// sameBlocks checks that the updated lesson nl has the blocks of l, with
// the same options, and the same code unless it is a copy of the file.
func sameBlocks(t *testing.T, l, nl *lesson.Lesson, file string) {
	t.Helper()
	if len(nl.Blocks) != len(l.Blocks) {
		t.Fatalf("%d blocks after the update, %d before", len(nl.Blocks), len(l.Blocks))
	}
	for i, b := range l.Blocks {
		nb := nl.Blocks[i]
		if nb.Name != b.Name || nb.Code.Info != b.Code.Info {
			t.Fatalf("block %d changed: %s %q became %s %q", i+1, b.Name, b.Code.Info, nb.Name, nb.Code.Info)
		}
		switch {
		case copied(b):
			if !check.SameCode(nb.Code.Text, file) {
				t.Fatalf("block %s: the copy %q is not the file %q", b.Name, nb.Code.Text, file)
			}
		case nb.Code.Text != b.Code.Text:
			t.Fatalf("block %s: code changed from %q to %q", b.Name, b.Code.Text, nb.Code.Text)
		}
		if b.Output != nil && (nb.Output == nil || nb.Output.Info != b.Output.Info) {
			t.Fatalf("block %s: output block lost or its info string changed", b.Name)
		}
	}
}

// skeleton returns the source of l without its output blocks and copies of
// files: what update must not change. For an updated lesson, old is the
// lesson before the update: an output block it did not have is cut with
// the line ending that update added before it.
func skeleton(l, old *lesson.Lesson) []byte {
	type span struct{ start, end int }
	var cut []span
	for i, b := range l.Blocks {
		if copied(b) {
			cut = append(cut, span{b.Code.Start, b.Code.End})
		}
		if b.Output == nil {
			continue
		}
		start := b.Output.Start
		if old != nil && old.Blocks[i].Output == nil {
			start = b.Code.End
			if oc := old.Blocks[i].Code; oc.End == len(old.Source) && !bytes.HasSuffix(old.Source, []byte("\n")) {
				start -= len(eolAt(l.Source, b.Code.Start))
			}
		}
		cut = append(cut, span{start, b.Output.End})
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].start < cut[j].start })
	var out []byte
	last := 0
	for _, c := range cut {
		if c.start > last {
			out = append(out, l.Source[last:c.start]...)
		}
		last = max(last, c.end)
	}
	return append(out, l.Source[min(last, len(l.Source)):]...)
}
