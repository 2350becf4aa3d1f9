package compiled

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
	"bingfa/runner/trace"
)

// writeFiles puts the data files of p into dir.
func writeFiles(dir string, files []engine.File) error {
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// stdinFile returns a file holding data, already removed from its
// directory, to be a program's standard input: the program reads it as
// it would a redirected file, and nothing has to feed a pipe. It returns
// nil for empty input (the program then reads /dev/null).
func stdinFile(data []byte) (*os.File, error) {
	if len(data) == 0 {
		return nil, nil
	}
	f, err := os.CreateTemp("", "bingfa-stdin-")
	if err != nil {
		return nil, err
	}
	_ = os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, err
	}
	// The program gets it read-only: it cannot write to the host's disk
	// through its standard input.
	defer f.Close()
	return os.Open(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
}

// embeds reports whether p's source has a //go:embed directive: its data
// files are then put next to its main.go when it is built.
func embeds(p *engine.Program) bool {
	return len(p.Files) > 0 && bytes.Contains(p.Source, []byte("//go:embed"))
}

// buildInput returns what p is built from, for its cache key: its source,
// the name its positions show, the data files it may embed, and the
// modules it imports (see modules.go).
func buildInput(p *engine.Program) []byte {
	h := sha256.New()
	fmt.Fprintf(h, "named %q\x00", p.SourceName())
	h.Write(p.Source)
	if p.Trace {
		// Built from trace.Instrument's sources, not p.Source alone.
		fmt.Fprintf(h, "\x00traced %q\x00", trace.FileName)
		h.Write(traceGenerated())
	}
	if embeds(p) {
		for _, f := range p.Files {
			fmt.Fprintf(h, "\x00file %q %d\x00", f.Path, len(f.Data))
			h.Write(f.Data)
		}
	}
	h.Write(moduleInput(p)) // nothing for the standard library only
	return append(append([]byte(nil), p.Source...), h.Sum(nil)...)
}

// runInputs puts p's data files into its scratch directory, if it has one
// on the host ("" in a sandbox, which puts them in its own), and returns
// its standard input, nil for none.
func runInputs(scratch string, p *engine.Program) (*os.File, error) {
	if scratch != "" {
		if err := writeFiles(scratch, p.Files); err != nil {
			return nil, err
		}
	}
	return stdinFile(p.Stdin)
}

// collect reads back the files a run wrote in dir, each up to max bytes
// (and one more, so that a larger file reads as different); a file that
// cannot be read is left out.
//
// A path that ends in "/" is a directory, whose regular files are read
// (the first sandbox.MaxDirFiles in name order), as the sandbox does.
func collect(dir string, paths []string, max int64) []engine.File {
	var files []engine.File
	for _, p := range paths {
		if d, ok := strings.CutSuffix(p, "/"); ok {
			files = append(files, collect(dir, dirFiles(dir, d), max)...)
			continue
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(f, max+1))
		f.Close()
		if err == nil {
			files = append(files, engine.File{Path: p, Data: data})
		}
	}
	return files
}

// dirFiles returns the paths of the regular files of the directory d
// under dir, at most sandbox.MaxDirFiles, in name order.
func dirFiles(dir, d string) []string {
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(d)))
	if err != nil {
		return nil
	}
	var paths []string
	for _, e := range entries {
		if len(paths) == sandbox.MaxDirFiles {
			break
		}
		if e.Type().IsRegular() {
			paths = append(paths, d+"/"+e.Name())
		}
	}
	return paths
}

// named returns src with a //line directive before it, so that every
// position of the program (stack traces, log.Lshortfile, race reports,
// compiler errors) names its source file as the lesson says (main.go by
// default), and never the directory it was built in. The directive's
// next line is line 1, column 1: positions do not move.
func named(p *engine.Program, src []byte) []byte {
	return append([]byte("//line "+p.SourceName()+":1:1\n"), src...)
}
