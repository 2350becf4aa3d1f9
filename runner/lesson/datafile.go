package lesson

import (
	"fmt"
	"path"
	"strings"

	"bingfa/runner/match"
)

// A DataFile is a file block: a file, not a program, put in the working
// directory of the programs after it in the lesson, where os.ReadFile and
// os.Open find it, and next to their main.go when they are built, where
// //go:embed finds it.
type DataFile struct {
	Path  string // name=: a clean relative slash-separated path
	Fence *Fence
	For   string // for=NAME: the file of that program only; "" for all after it
	// Want, for a written file (Block.Written), is its expected content
	// compiled; nil for a data file.
	Want *match.Pattern
}

// FileOptions are the options of a file block.
type FileOptions struct {
	Path    string // name=PATH
	For     string // for=NAME: the file of that program only
	Written bool   // written: the expected content of a file a run writes
}

func setDataName(o *FileOptions, v string) error {
	if err := checkDataPath(v); err != nil {
		return err
	}
	o.Path = v
	return nil
}

// checkDataPath reports whether p can name a data file: relative, clean,
// slash-separated, inside the working directory, and not a Go file (which
// would become part of the program when it is built).
func checkDataPath(p string) error {
	switch {
	case p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, `\`):
		return fmt.Errorf("want a relative path with / between its parts, such as data/lines.txt")
	case path.Clean(p) != p || p == "." || p == ".." || strings.HasPrefix(p, "../"):
		return fmt.Errorf("want a clean path inside the working directory, such as data/lines.txt")
	case strings.HasSuffix(p, ".go"):
		return fmt.Errorf("a data file cannot be a .go file: it would be built into the program")
	}
	return nil
}

// file parses a file block and makes it a data file of the programs after
// it.
func (ps *parseState) file(last *Block, f *Fence) {
	n := len(ps.errs)
	o := ps.options(f, FileFence).file
	if len(ps.errs) > n {
		return
	}
	if o.Path == "" {
		ps.errorf(f.Line, 0, "a file block needs a path: ```file name=data/lines.txt")
		return
	}
	df := &DataFile{Path: o.Path, Fence: f, For: o.For}
	switch {
	case o.Written && o.For != "":
		ps.errorf(f.Line, 0, "a written file is what the program before it writes: drop for=")
	case o.Written:
		ps.written(last, df)
	case o.For != "":
		ps.l.Files = append(ps.l.Files, df)
		ps.forFiles = append(ps.forFiles, df)
	default:
		ps.l.Files = append(ps.l.Files, df)
		files, err := withFile(ps.files, df)
		if err != nil {
			ps.errorf(f.Line, 0, "%v", err)
			return
		}
		ps.files = files
	}
}

// withFile returns files with df added, replacing a file of its path.
func withFile(files []*DataFile, df *DataFile) ([]*DataFile, error) {
	out := make([]*DataFile, 0, len(files)+1)
	for _, e := range files {
		if e.Path == df.Path {
			continue
		}
		if strings.HasPrefix(df.Path, e.Path+"/") || strings.HasPrefix(e.Path, df.Path+"/") {
			return nil, fmt.Errorf("%s cannot be both a file and a directory (the file block at line %d is %s)", df.Path, e.Fence.Line, e.Path)
		}
		out = append(out, e)
	}
	return append(out, df), nil
}

// filesOf gives program b the data files before it: those of every
// program, and those for it alone (for=NAME), which it takes.
func (ps *parseState) filesOf(b *Block) {
	b.Files = ps.files
	kept := ps.forFiles[:0]
	for _, df := range ps.forFiles {
		if df.For != b.Name {
			kept = append(kept, df)
			continue
		}
		files, err := withFile(b.Files, df)
		if err != nil {
			ps.errorf(df.Fence.Line, 0, "%v", err)
			continue
		}
		b.Files = files
	}
	ps.forFiles = kept
}

// unusedFiles reports file blocks for a program that does not follow them.
func (ps *parseState) unusedFiles() {
	for _, df := range ps.forFiles {
		ps.errorf(df.Fence.Line, 0, "for=%s: no program of that name after this file block", df.For)
	}
}

// dataFile returns the data file of b at path p, or nil.
func (b *Block) dataFile(p string) *DataFile {
	for _, f := range b.Files {
		if f.Path == p {
			return f
		}
	}
	return nil
}

// written makes df a file that the run of b must write.
func (ps *parseState) written(b *Block, df *DataFile) {
	f := df.Fence
	switch {
	case b == nil:
		ps.errorf(f.Line, 0, "a written file block needs a go block before it: it is what that program writes")
		return
	case b.Opts.Mode != Run:
		ps.errorf(f.Line, 0, "a written file block needs a program that runs, not a %s block", b.Opts.Mode)
		return
	}
	for _, e := range b.Written {
		if e.Path == df.Path {
			ps.errorf(f.Line, 0, "second written file block for %s (the first is at line %d)", df.Path, e.Fence.Line)
			return
		}
	}
	want, err := match.Compile(f.Text, match.Options{})
	if se, ok := err.(*match.SyntaxError); ok {
		ps.errorf(f.BodyLine()+se.Line-1, se.Col, "%s", se.Msg)
		return
	}
	df.Want = want
	b.Written = append(b.Written, df)
}

// lastChecks reports what only the whole lesson shows: written file
// blocks of programs that are not run, test blocks without a run, and
// the signal= of a program that runs without an output block.
func (ps *parseState) lastChecks() {
	for _, b := range ps.l.Blocks {
		if len(b.Written) > 0 && !b.Runs() {
			ps.errorf(b.Written[0].Fence.Line, 0, "%s is not run, so it writes nothing: give it an output block, exit= or expect=", b.Name)
		}
		if b.Opts.Test && !b.Runs() {
			ps.errorf(b.Code.Line, 0, "a test block is run with go test: give it an output block (what go test prints) or exit=")
		}
		if b.Output == nil && b.Runs() && b.Opts.Client == "" {
			if err := checkSignal(b.Opts.Inputs); err != nil {
				ps.errorf(b.Code.Line, 0, "%v", err)
			}
		}
	}
}
