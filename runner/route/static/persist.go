package static

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"bingfa/internal/selfbuild"
)

// The locations of the export data go list found are kept in a file
// (Config.ExportsFile, in bingfa's cache) from one process to the next.
// Without it every process that routes programs (every bingfa command,
// every engine of a test) ran go list again for the same packages before
// its first route: about 90 ms of processor time for fmt and what it
// imports.
//
// The file holds a key on its first line, then one "path\tfile" line a
// package. The key names what decides the export data: GOROOT and the
// go command's version, as go list's environment shows them, go list's
// flags, and the GO* and CGO_* variables of that environment. A file
// with another key is not used, and the next go list replaces it. The
// export data files are the go command's, in its build cache, named by
// their content: an entry whose file is gone (the go command trims its
// cache) is not restored, and a package whose file vanishes after that
// is listed again when it is opened. A write replaces the file whole
// (write, then rename), so that processes sharing it never read a mix;
// entries one process lost to another's write are listed again.

// exportsKeyVersion changes when the file's format does.
const exportsKeyVersion = "bingfa-exports-1"

// restore loads the entries of the exports file that still hold, if its
// key is x's. It is called before any go list.
func (x *exports) restore() {
	if x.cfg.ExportsFile == "" {
		return
	}
	want := x.key() // now, not later under x.mu (see snapshot)
	data, err := os.ReadFile(x.cfg.ExportsFile)
	if err != nil || want == "" {
		return
	}
	key, rest, _ := strings.Cut(string(data), "\n")
	if key != want {
		return
	}
	for line := range strings.Lines(rest) {
		path, file, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || path == "" {
			continue
		}
		if file != "" {
			if _, err := os.Stat(file); err != nil {
				continue
			}
		}
		x.files[path] = file
		x.restored[path] = true
	}
}

// snapshot returns the content of the exports file for what x knows now,
// or "" when x keeps none. x.mu is held; the key was computed by
// restore.
func (x *exports) snapshot() string {
	if x.cfg.ExportsFile == "" || x.key() == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(x.key() + "\n")
	for _, p := range slices.Sorted(maps.Keys(x.files)) {
		fmt.Fprintf(&b, "%s\t%s\n", p, x.files[p])
	}
	return b.String()
}

// persist writes a snapshot to the exports file. A failure only costs
// the next process a go list.
func (x *exports) persist(content string) {
	if content == "" {
		return
	}
	if err := os.MkdirAll(filepath.Dir(x.cfg.ExportsFile), 0o755); err == nil {
		_ = selfbuild.ReplaceFile(x.cfg.ExportsFile, content, 0o644)
	}
}

// forget drops path's entry if it was restored from the exports file
// and its file has gone (err says so), and reports whether it did: the
// package is then listed again.
func (x *exports) forget(path, file string, err error) bool {
	if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.restored[path] || x.files[path] != file {
		return false
	}
	delete(x.files, path)
	delete(x.restored, path)
	return true
}

// key returns the key of x's export data (see above), computed once.
func (x *exports) key() string {
	x.keyOnce.Do(func() {
		env := x.cfg.GoEnv
		if env == nil {
			env = os.Environ()
		}
		cmd := exec.Command("go", "env", "GOROOT", "GOVERSION")
		cmd.Env = env
		out, err := cmd.Output()
		if err != nil {
			x.keyText = "" // no key: nothing is restored or kept
			return
		}
		h := sha256.New()
		fmt.Fprintf(h, "%s%q\n%q\n", out, x.cfg.GoFlags, goVars(env))
		x.keyText = exportsKeyVersion + " " + hex.EncodeToString(h.Sum(nil))
	})
	return x.keyText
}

// goVars returns the GO* and CGO_* variables of env that may change what
// go list compiles, the last of each name, sorted. GOTMPDIR only says
// where go's temporary files go.
func goVars(env []string) []string {
	last := map[string]string{}
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if (strings.HasPrefix(k, "GO") || strings.HasPrefix(k, "CGO_")) && k != "GOTMPDIR" {
			last[k] = kv
		}
	}
	return slices.Sorted(maps.Values(last))
}
