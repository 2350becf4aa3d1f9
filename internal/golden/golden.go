// Package golden compares what a test produced with a golden file in
// testdata, or rewrites the golden file when the test binary runs with
// -update.
//
// # Files
//
// [File] compares got with the whole file at a path. A golden file that
// is missing or differs fails the test, with a unified diff from the file
// to got; with -update the file is written instead, and the test passes.
// Review the diff (git diff) after a deliberate change.
//
// # Archives
//
// Data-driven cases are often txtar archives (golang.org/x/tools/txtar):
// a comment, the inputs as sections, then the golden sections that the
// test writes. [Archive] compares such a file with its inputs followed by
// the sections the test produced, so that -update rewrites the golden
// sections and keeps the rest; [Without] drops the golden sections from a
// parsed archive to leave its inputs.
//
// # The flag
//
// This package defines the one -update flag of the module's tests
// (go test ./pkg -update); [Updating] reports it to a test that rewrites
// something other than a golden file, such as a lesson.
package golden

import (
	"flag"
	"os"
	"slices"
	"testing"

	udiff "github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata instead of comparing with them")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// File compares got with the file at path, or writes got to it under
// -update.
func File(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", path, udiff.Unified(path, "got", string(want), string(got)))
	}
}

// Archive compares the archive at path with inputs followed by the
// sections got, or writes them to it under -update.
func Archive(t testing.TB, path string, inputs *txtar.Archive, got ...txtar.File) {
	t.Helper()
	a := &txtar.Archive{Comment: inputs.Comment, Files: append(slices.Clip(inputs.Files), got...)}
	File(t, path, txtar.Format(a))
}

// Without returns a copy of a without the sections named in names: the
// inputs of an archive whose golden sections are those.
func Without(a *txtar.Archive, names ...string) *txtar.Archive {
	in := &txtar.Archive{Comment: a.Comment}
	for _, f := range a.Files {
		if !slices.Contains(names, f.Name) {
			in.Files = append(in.Files, f)
		}
	}
	return in
}
