package selfbuild

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// A FileID tells whether a file changed: any write to it or rename onto
// its name changes its ctime, which, unlike its mtime, no unprivileged
// program can set back. (The kernel's clock for file times advances by
// ticks of a few milliseconds: a change within the tick of the last one
// can keep the ctime; a window the hash-then-run of any lookup has too.)
// A cache keeps a binary's identity beside its recorded hash when the
// hash was last found right, so that a later process finding the same
// identity need not hash the binary again.
type FileID struct {
	dev, ino, size int64
	mtime, ctime   syscall.Timespec
}

// StatID returns the identity of the file p.
func StatID(p string) (FileID, bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(p, &st); err != nil {
		return FileID{}, false
	}
	return FileID{dev: int64(st.Dev), ino: int64(st.Ino), size: st.Size, mtime: st.Mtim, ctime: st.Ctim}, true
}

// String is how an identity is written in a cache's files.
func (id FileID) String() string {
	return fmt.Sprintf("file %d %d %d %d %d", id.dev, id.ino, id.size, id.mtime.Nano(), id.ctime.Nano())
}

// seenLine is what a cache keeps beside a binary whose hash it found
// right: the hash and the identity of the file found to have it.
func seenLine(sum string, id FileID) string { return sum + " " + id.String() + "\n" }

// Seen reports whether idFile says that the file with identity id was
// found to have SHA-256 sum (see KeepSeen): then it need not be hashed.
func Seen(idFile, sum string, id FileID) bool {
	data, err := os.ReadFile(idFile)
	return err == nil && string(data) == seenLine(sum, id)
}

// KeepSeen writes idFile: the file with identity id was found to have
// SHA-256 sum. It is a hint for later processes (see Seen).
func KeepSeen(idFile, sum string, id FileID) error {
	return ReplaceFile(idFile, seenLine(sum, id), 0o644)
}

// UnusedFor is how long a binary stays in bingfa's cache without being
// used.
const UnusedFor = 14 * 24 * time.Hour

// TouchAfter is how long after it was last marked used a use marks a
// file used again.
const TouchAfter = time.Hour

// Touch marks a file used (its mtime, which trimming the cache looks at)
// unless it was within TouchAfter: setting its times changes its ctime,
// which has the next process hash the binary again.
func Touch(p string) {
	now := time.Now()
	if info, err := os.Stat(p); err == nil && now.Sub(info.ModTime()) < TouchAfter {
		return
	}
	_ = os.Chtimes(p, now, now)
}

// ReplaceFile writes content to path as a new file renamed over the old
// one, so that a reader finds the old content or the new, never a mix,
// and two writers never write into the same file.
func ReplaceFile(path, content string, perm os.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	_, err = f.WriteString(content)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
