package update

import (
	"bingfa/runner/check"
	"bingfa/runner/lesson"
)

// writtenFiles records what the first run of r left in the files its
// block's written file blocks are about.
func writtenFiles(r *check.Result, written map[*lesson.DataFile]string) {
	if len(r.Runs) == 0 {
		return
	}
	for _, df := range r.Block.Written {
		for _, f := range r.Runs[0].Files {
			if f.Path == df.Path {
				written[df] = string(f.Data)
			}
		}
	}
}

// writtenEdits adds to ed the edits that replace the content of each
// written file block of l that does not match what the run wrote (in
// written) by that content, written so that it matches literally.
func writtenEdits(l *lesson.Lesson, written map[*lesson.DataFile]string, ed *editor) {
	for _, b := range l.Blocks {
		for _, df := range b.Written {
			got, ok := written[df]
			if !ok || df.Want == nil || df.Want.Match(got).OK {
				continue
			}
			f := df.Fence
			e, err := replaceBody(l, f, actualBody(got, f.Indent, eolAt(l.Source, f.Start)))
			ed.add(e, true, err)
		}
	}
}
