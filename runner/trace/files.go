package trace

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// A File is one trace as a run left it: PID.trace in the directory
// named by EnvDir.
type File struct {
	Name string // PID.trace, or a path ending in it
	Data []byte
}

// pid returns the process id a trace file is named after, or -1.
func (f File) pid() int {
	n, err := strconv.Atoi(strings.TrimSuffix(path.Base(f.Name), ".trace"))
	if err != nil {
		return -1
	}
	return n
}

// ReadFiles reads the traces of one run, one per process, in the order
// the processes started (by process id: a run's processes are numbered
// in its own namespace, or at least in the order they were made). A file
// that is not a trace at all is an error naming it; one cut off is read
// as incomplete (see Read).
func ReadFiles(files []File) ([]*Trace, error) {
	files = slices.Clone(files)
	slices.SortStableFunc(files, func(a, b File) int { return a.pid() - b.pid() })
	var ts []*Trace
	for _, f := range files {
		t, err := Read(bytes.NewReader(f.Data))
		if err != nil {
			return ts, fmt.Errorf("%s: %v", path.Base(f.Name), err)
		}
		ts = append(ts, t)
	}
	return ts, nil
}
