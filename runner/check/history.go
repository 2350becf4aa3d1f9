package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"bingfa/internal/selfbuild"
)

// A Cost is what one run of a program cost: its wall time (how long its
// engine ran it, see History) and its processor time (user and system,
// with the children it waited for). The zero Cost means unknown.
type Cost struct {
	Wall, CPU time.Duration
}

// Known reports whether c was measured.
func (c Cost) Known() bool { return c.Wall > 0 }

// Load returns the CPUs the program kept busy on average, such as 0.02
// for a program that mostly sleeps and 1.9 for one that spins on two
// CPUs; 1 when unknown.
func (c Cost) Load() float64 {
	if !c.Known() {
		return 1
	}
	return c.CPU.Seconds() / c.Wall.Seconds()
}

// A History remembers what each block's program cost, so that a later
// check starts the longest ones first and runs those that mostly sleep
// beside the others: how long its engine ran it, which is how long it
// held its slot, and its processor time with the engine's own work
// beyond the program's time (starting the sandbox, a test's build).
// Keys are a block's "lesson/name" and the engine that ran it.
type History interface {
	Expect(key string) Cost // the zero Cost when unknown
	// Longest returns the longest wall time of block id ("lesson/name")
	// by any engine; 0 when unknown.
	Longest(id string) time.Duration
	Record(key string, c Cost)
}

// historyKey returns the key of block id run by engine.
func historyKey(id, engine string) string { return id + "@" + engine }

// A FileHistory is a History kept in a JSON file: an object whose keys
// are History keys and whose values hold the last run's wall and
// processor time in seconds and the day it was recorded. It is safe for
// concurrent use, and several processes may keep the same file (checks
// and tests at once, sharing a cache): each saves what it recorded over
// the file as it is then (see Save).
type FileHistory struct {
	path  string
	mu    sync.Mutex
	m     map[string]entry
	mine  map[string]bool // the keys recorded since the file was read
	names map[string]bool // the engines named in m's keys, for Longest
}

type entry struct {
	Wall float64  `json:"wall"`
	CPU  *float64 `json:"cpu"` // nil in an entry of an older format: unknown
	Day  int64    `json:"day"` // days since 1970
}

// historyDays is how long a block not run since is remembered.
const historyDays = 30

// OpenHistory reads the history kept in path. A missing or unreadable
// file is an empty history: it is a hint, never a reason to fail.
func OpenHistory(path string) *FileHistory {
	h := &FileHistory{path: path, m: readHistory(path), mine: map[string]bool{}, names: map[string]bool{}}
	for k := range h.m {
		h.named(k)
	}
	return h
}

// readHistory returns the entries of the history file at path; none when
// it is missing or unreadable.
func readHistory(path string) map[string]entry {
	m := map[string]entry{}
	if data, err := os.ReadFile(path); err == nil {
		if json.Unmarshal(data, &m) != nil {
			return map[string]entry{}
		}
	}
	return m
}

// named remembers the engine of key. h.mu is held, or h is new.
func (h *FileHistory) named(key string) {
	if i := strings.LastIndexByte(key, '@'); i >= 0 {
		h.names[key[i+1:]] = true
	}
}

// Expect implements History.
func (h *FileHistory) Expect(key string) Cost {
	h.mu.Lock()
	e, ok := h.m[key]
	h.mu.Unlock()
	if !ok || e.CPU == nil || e.Wall <= 0 {
		return Cost{}
	}
	return Cost{Wall: seconds(e.Wall), CPU: seconds(*e.CPU)}
}

// Longest implements History. It looks id up with each engine named in
// the history (a few), not through every entry: a check asks for each
// block's while it sorts them.
func (h *FileHistory) Longest(id string) time.Duration {
	var d time.Duration
	h.mu.Lock()
	defer h.mu.Unlock()
	for name := range h.names {
		if e, ok := h.m[historyKey(id, name)]; ok && e.CPU != nil {
			d = max(d, seconds(e.Wall))
		}
	}
	return d
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// Record implements History.
func (h *FileHistory) Record(key string, c Cost) {
	cpu := c.CPU.Seconds()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.m[key] = entry{Wall: c.Wall.Seconds(), CPU: &cpu, Day: today()}
	h.named(key)
	h.mine[key] = true
}

func today() int64 { return time.Now().Unix() / 86400 }

// Save writes what was recorded since the file was read over the file as
// it is now (another process may have saved its own records meanwhile,
// which are kept), without the blocks not run for historyDays, through a
// temporary file renamed over it, so that a reader never sees half a
// file. It writes nothing when nothing was recorded.
func (h *FileHistory) Save() error {
	h.mu.Lock()
	if len(h.mine) == 0 {
		h.mu.Unlock()
		return nil
	}
	m := readHistory(h.path)
	for k := range h.mine {
		m[k] = h.m[k]
	}
	clear(h.mine)
	for k, e := range m {
		if today()-e.Day > historyDays {
			delete(m, k)
		}
	}
	data, err := json.Marshal(m)
	h.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		return err
	}
	return selfbuild.ReplaceFile(h.path, string(data), 0o600)
}
