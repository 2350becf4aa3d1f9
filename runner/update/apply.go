package update

import (
	"errors"
	"fmt"
	"io"
)

// Apply writes the changes to disk, or, with dryRun, prints their unified
// diffs to w instead. It tells w about each lesson written. The error
// lists every block that was not updated (a change's notes) and every
// write that failed; the other changes are written all the same.
func Apply(w io.Writer, changes []*Change, dryRun bool) error {
	var errs []error
	for _, ch := range changes {
		errs = append(errs, ch.Notes...)
		if !ch.Changed() {
			continue
		}
		if dryRun {
			fmt.Fprint(w, ch.Diff())
			continue
		}
		if err := ch.Write(); err != nil {
			errs = append(errs, err)
			continue
		}
		fmt.Fprintf(w, "updated %s\n", ch.Lesson.Path)
	}
	return errors.Join(errs...)
}
