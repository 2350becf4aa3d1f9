package update

import (
	"errors"
	"fmt"
	"io"

	"bingfa/runner/report"
)

// Apply writes the changes to disk, or, with dryRun, prints their unified
// diffs to w instead, with control characters escaped (see
// report.Printable): w is a terminal. It tells w about each file written (or that there
// was nothing to write). The error lists every block that was not updated
// (a change's notes) and every write that failed; the other changes are
// written all the same.
func Apply(w io.Writer, changes []*Change, dryRun bool) error {
	var errs []error
	changed := 0
	for _, ch := range changes {
		errs = append(errs, ch.Notes...)
		if !ch.Changed() {
			continue
		}
		changed++
		if dryRun {
			fmt.Fprint(w, report.Printable(ch.Diff()))
			continue
		}
		if err := ch.Write(); err != nil {
			errs = append(errs, err)
			continue
		}
		for _, f := range ch.Files {
			fmt.Fprintf(w, "wrote %s\n", report.Printable(f.Path))
		}
		if string(ch.New) != string(ch.Lesson.Source) {
			fmt.Fprintf(w, "updated %s\n", report.Printable(ch.Lesson.Path))
		}
	}
	if changed == 0 && !dryRun {
		fmt.Fprintf(w, "%d lessons up to date\n", len(changes))
	}
	return errors.Join(errs...)
}
