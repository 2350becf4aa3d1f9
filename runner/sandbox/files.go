package sandbox

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// A File is a data file put in the scratch directory before the program
// starts (Options.Files), or one read back from it once it has ended
// (Options.Collect, Result.Files).
type File struct {
	Path string // relative to Dir, slash-separated, clean
	Data []byte
}

// maxData bounds the data files of a run, as the scratch directory that
// holds them is bounded.
const maxData = ScratchSize

// dataFile returns an open file, already removed from its directory,
// holding files encoded (codec.go), to be passed to the init: nothing of
// the run's files is in the sandbox's settings or on the host once the
// run has started.
func dataFile(files []File) (*os.File, error) {
	total := 0
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			return nil, err
		}
		total += len(f.Data)
	}
	if total > maxData {
		return nil, fmt.Errorf("data files of %d bytes: more than the scratch directory holds (%d)", total, maxData)
	}
	f, err := os.CreateTemp("", "bingfa-data-")
	if err != nil {
		return nil, err
	}
	_ = os.Remove(f.Name())
	list := fileList(files)
	if _, err := f.Write(encode(&list)); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(0, 0); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// maxDataFile bounds the encoded data files: maxData, their paths and
// their lengths.
const maxDataFile = maxData + 64<<20

// A fileList is the data files, encoded as one value.
type fileList []File

func (l *fileList) code(c coder) { c.files((*[]File)(l)) }

// checkPath reports whether p names a file under Dir: relative, clean,
// slash-separated, not leaving Dir.
func checkPath(p string) error {
	if p == "" || p == "." || strings.HasPrefix(p, "/") || filepath.ToSlash(filepath.Clean(p)) != p ||
		p == ".." || strings.HasPrefix(p, "../") {
		return fmt.Errorf("bad data file path %q", p)
	}
	return nil
}

// writeData, in the program's parent, reads the data files from fd and
// writes them into Dir, as the user the program runs as (the calling
// thread's, after dropPrivileges), before the program starts.
func writeData(fd int) error {
	f := os.NewFile(uintptr(fd), "data")
	defer f.Close()
	var files fileList
	data, err := io.ReadAll(io.LimitReader(f, maxDataFile))
	if err == nil {
		err = decode(data, &files)
	}
	if err != nil {
		return fmt.Errorf("cannot read the data files: %v", err)
	}
	for _, df := range files {
		if err := checkPath(df.Path); err != nil {
			return err
		}
		path := filepath.Join(Dir, filepath.FromSlash(df.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, df.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// collectFiles, in the program's parent once the program has ended,
// reads back the files named by paths from Dir, each up to max bytes and
// one more (so that a larger file reads as different). Only regular files
// under Dir are read, never through a symbolic link that leads out of
// it; a file that cannot be read is left out.
//
// A path that ends in "/" is a directory: its regular files are read,
// the first MaxDirFiles of them in name order (the traces of a run, one
// per process).
func collectFiles(paths []string, max int64) []File {
	var files []File
	for _, p := range paths {
		if dir, ok := strings.CutSuffix(p, "/"); ok {
			files = append(files, collectDir(dir, max)...)
			continue
		}
		data, err := readUnder(p, max+1)
		if err == nil {
			files = append(files, File{Path: p, Data: data})
		}
	}
	return files
}

// MaxDirFiles bounds the files read back from a directory of
// Options.Collect.
const MaxDirFiles = 8

// collectDir reads the regular files of the directory dir under Dir.
func collectDir(dir string, max int64) []File {
	if checkPath(dir) != nil {
		return nil
	}
	real, err := filepath.EvalSymlinks(filepath.Join(Dir, filepath.FromSlash(dir)))
	if err != nil || !strings.HasPrefix(real, Dir+"/") {
		return nil
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return nil
	}
	var files []File
	for _, e := range entries {
		if len(files) == MaxDirFiles {
			break
		}
		if !e.Type().IsRegular() {
			continue
		}
		p := dir + "/" + e.Name()
		if data, err := readUnder(p, max+1); err == nil {
			files = append(files, File{Path: p, Data: data})
		}
	}
	return files
}

var errOutside = errors.New("not a regular file under the scratch directory")

// readUnder reads up to n bytes of the regular file p under Dir.
func readUnder(p string, n int64) ([]byte, error) {
	if err := checkPath(p); err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(filepath.Join(Dir, filepath.FromSlash(p)))
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(real, Dir+"/") {
		return nil, errOutside
	}
	// O_NOFOLLOW and O_NONBLOCK: a link put there since, or a FIFO, is
	// not followed nor waited for.
	fd, err := syscall.Open(real, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	f := os.NewFile(uintptr(fd), real)
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errOutside
	}
	return io.ReadAll(io.LimitReader(f, n))
}

// reportLimit bounds a report holding the files of collect, each up to
// max bytes and one more, in base64.
// A directory counts as MaxDirFiles files.
func reportLimit(collect []string, max int64) int64 {
	n := 0
	for _, p := range collect {
		if strings.HasSuffix(p, "/") {
			n += MaxDirFiles
		} else {
			n++
		}
	}
	return maxResult + int64(n)*((max+1)/3*4+1024)
}
