package static

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// yaegiAPI is the last Go release whose standard library yaegi's symbol
// tables describe: v0.16.1 was generated from Go 1.22. Symbols that Go's
// API lists (GOROOT/api/go1.N.txt) add in a later release are newer than
// yaegi.
const yaegiAPI = 22

// An api is what Go's API lists say about the standard library: when
// each symbol added after yaegiAPI came, and when each package came.
type api struct {
	newer    map[string]int // "strings.Lines", "sync.WaitGroup.Go" (by import path) -> minor release
	packages map[string]int // import path -> minor release of its first symbol
}

// apiSymbol returns the key of a symbol in api.newer: the import path,
// a dot, and the name, or for a method or field, the type's name, a dot
// and the member's name ("net/http.Server.Protocols").
func apiSymbol(path, name string) string { return path + "." + name }

// version returns the release that added a symbol after yaegiAPI, or 0.
func (a *api) version(path, name string) int { return a.newer[apiSymbol(path, name)] }

var (
	apiOnce sync.Once
	apiData *api
	apiErr  error
)

// goAPI reads Go's API lists from GOROOT/api once. Without them, nothing
// tells which symbols are newer than yaegi's tables, and the check
// interprets nothing.
func goAPI() (*api, error) {
	apiOnce.Do(func() {
		src := stdDir()
		if src == "" {
			apiErr = errors.New("go env GOROOT failed: Go's API lists not found")
			return
		}
		apiData, apiErr = readAPI(filepath.Join(filepath.Dir(src), "api"))
	})
	return apiData, apiErr
}

// apiFile matches the name of a release's API list: go1.txt, go1.N.txt.
var apiFile = regexp.MustCompile(`^go1(?:\.(\d+))?\.txt$`)

// readAPI reads the API lists of every release in dir.
func readAPI(dir string) (*api, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("Go's API lists: %w", err)
	}
	a := &api{newer: map[string]int{}, packages: map[string]int{}}
	older := map[string]int{} // lists of yaegiAPI and before: file -> minor
	last := 0
	for _, e := range entries {
		m := apiFile.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		minor := 0
		if m[1] != "" {
			minor, _ = strconv.Atoi(m[1])
		}
		last = max(last, minor)
		if minor <= yaegiAPI {
			older[e.Name()] = minor
			continue
		}
		if err := a.readFile(filepath.Join(dir, e.Name()), minor); err != nil {
			return nil, err
		}
	}
	// A symbol that a later list adds for every platform may have been
	// on this one already (syscall.EBADMSG): it is not newer here.
	for name, minor := range older {
		if err := a.readFile(filepath.Join(dir, name), minor); err != nil {
			return nil, err
		}
	}
	if last <= yaegiAPI {
		return nil, fmt.Errorf("Go's API lists in %s stop at Go 1.%d: not the lists of this Go", dir, last)
	}
	return a, nil
}

// readFile adds the lines of one release's API list.
func (a *api) readFile(name string, minor int) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("Go's API lists: %w", err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		l, ok := parseAPILine(s.Text())
		if !ok {
			continue
		}
		if v, seen := a.packages[l.path]; !seen || minor < v {
			a.packages[l.path] = minor
		}
		if l.name == "" {
			continue
		}
		key := apiSymbol(l.path, l.name)
		if minor <= yaegiAPI {
			delete(a.newer, key)
		} else if v, seen := a.newer[key]; !seen || minor < v {
			a.newer[key] = minor
		}
	}
	return s.Err()
}

// An apiLine is one line of an API list that applies to this platform.
type apiLine struct {
	path string // import path
	kind string // func, method, type, const, var, field
	name string // "Lines", "WaitGroup.Go", "Server.Protocols"; "" for no usable symbol
	typ  string // for a method or field: the type's name
}

// parseAPILine parses a line such as
//
//	pkg sync, method (*WaitGroup) Go(func()) #63796
//	pkg net/http, type Server struct, Protocols *Protocols #67814
//	pkg syscall (linux-amd64), const SOME_FLAG = 1
//
// It reports false for lines of other platforms and for deprecation
// notices (which add nothing).
func parseAPILine(line string) (apiLine, bool) {
	rest, ok := strings.CutPrefix(line, "pkg ")
	if !ok || strings.Contains(line, "//deprecated") {
		return apiLine{}, false
	}
	head, decl, ok := strings.Cut(rest, ", ")
	if !ok {
		return apiLine{}, false
	}
	path, platform, _ := strings.Cut(head, " ")
	if platform != "" && !thisPlatform(strings.Trim(platform, "()")) {
		return apiLine{}, false
	}
	decl, _, _ = strings.Cut(decl, " #") // the proposal's issue number
	kind, decl, _ := strings.Cut(decl, " ")
	l := apiLine{path: path, kind: kind}
	switch kind {
	case "func", "const", "var":
		l.name = identPrefix(decl)
	case "method": // (*T[$0]) M(...)
		recv, m, _ := strings.Cut(strings.TrimPrefix(decl, "("), ") ")
		l.typ = identPrefix(strings.TrimPrefix(recv, "*"))
		l.name = l.typ + "." + identPrefix(m)
	case "type": // T[...] struct, F X / T interface, M(...) / T int
		l.typ = identPrefix(decl)
		after := skipBrackets(decl[len(l.typ):])
		member, isField := strings.CutPrefix(after, "struct, ")
		member, isMethod := strings.CutPrefix(member, "interface, ")
		if !isField && !isMethod {
			l.name = l.typ
			break
		}
		l.kind = "field"
		if isMethod {
			l.kind = "method"
		}
		if t, embedded := strings.CutPrefix(member, "embedded "); embedded {
			t, _, _ = strings.Cut(strings.TrimPrefix(t, "*"), "[")
			member = t[strings.LastIndex(t, ".")+1:]
		}
		if strings.HasPrefix(member, "unexported methods") {
			return l, true // l.name is "": nothing a program can name
		}
		l.name = l.typ + "." + identPrefix(member)
	}
	return l, true
}

// thisPlatform reports whether an API list's platform ("linux-amd64",
// "linux-amd64-cgo") is the one bingfa runs on.
func thisPlatform(p string) bool {
	p = strings.TrimSuffix(p, "-cgo")
	return p == runtime.GOOS+"-"+runtime.GOARCH || p == runtime.GOOS
}

// skipBrackets returns s after a leading bracketed list (type
// parameters), without leading spaces.
func skipBrackets(s string) string {
	if strings.HasPrefix(s, "[") {
		depth := 0
		for i, r := range s {
			switch r {
			case '[':
				depth++
			case ']':
				depth--
			}
			if depth == 0 {
				s = s[i+1:]
				break
			}
		}
	}
	return strings.TrimLeft(s, " ")
}

// identPrefix returns the identifier at the start of s.
func identPrefix(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 0x7f)
	})
	if end < 0 {
		return s
	}
	return s[:end]
}
