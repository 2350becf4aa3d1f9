package compiled

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
	"bingfa/runner/trace"
)

// traceDir is where a traced run writes its traces, relative to its
// working directory: one file per process (see package trace).
const traceDir = ".bingfa-trace"

// traceGenerated is the file trace.Instrument adds to every traced
// program, for the cache key.
func traceGenerated() []byte {
	_, extra := trace.Instrument(nil)
	return extra
}

// sources returns the files p is built from, by name: its main.go (with
// the //line directive that names it) and, for a traced program, the
// file that records its trace, with its main.go instrumented (its lines
// kept).
func sources(p *engine.Program) map[string][]byte {
	src := withoutConstraints(p.Source)
	if !p.Trace {
		return map[string][]byte{"main.go": named(p, src)}
	}
	main, extra := trace.Instrument(src)
	return map[string][]byte{"main.go": named(p, main), trace.FileName: extra}
}

// traced returns p to run with its traces read back: the directory they
// are written to is collected with the files p must write.
func traced(p *engine.Program) *engine.Program {
	q := *p
	q.Collect = append(slices.Clone(p.Collect), traceDir+"/")
	return &q
}

// traceEnv tells a traced program where to write its traces: dir is its
// working directory as it sees it.
func traceEnv(dir string) string {
	return trace.EnvDir + "=" + filepath.Join(dir, traceDir)
}

// readTraces moves the traces of a traced run out of out.Files into
// out.Traces, read: the raw traces are not kept.
func readTraces(out *engine.Outcome) {
	var files []trace.File
	kept := out.Files[:0]
	for _, f := range out.Files {
		if strings.HasPrefix(f.Path, traceDir+"/") {
			files = append(files, trace.File{Name: f.Path, Data: f.Data})
			continue
		}
		kept = append(kept, f)
	}
	out.Files = kept
	out.Traces, out.TraceErr = trace.ReadFiles(files)
	switch {
	case out.TraceErr != nil:
	case len(files) == 0:
		out.TraceErr = errors.New("the run left no trace: it was stopped before main returned, or replaced its environment")
	case len(files) == sandbox.MaxDirFiles:
		out.TraceErr = fmt.Errorf("only the traces of the first %d processes were read", len(files))
	}
}
