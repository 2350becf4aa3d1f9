package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// A History remembers how long each block's program ran, so that a later
// check starts the longest ones first. Keys are a block's "lesson/name"
// and the engine that ran it.
type History interface {
	Expect(key string) time.Duration // 0 when unknown
	Record(key string, d time.Duration)
}

// historyKey returns the key of block id run by engine.
func historyKey(id, engine string) string { return id + "@" + engine }

// A FileHistory is a History kept in a JSON file: an object whose keys
// are History keys and whose values are the last run time in seconds and
// the day it was recorded. It is safe for concurrent use.
type FileHistory struct {
	path  string
	mu    sync.Mutex
	m     map[string]entry
	dirty bool // something was recorded since the file was read
}

type entry struct {
	Seconds float64 `json:"s"`
	Day     int64   `json:"day"` // days since 1970
}

// historyDays is how long a block not run since is remembered.
const historyDays = 30

// OpenHistory reads the history kept in path. A missing or unreadable
// file is an empty history: it is a hint, never a reason to fail.
func OpenHistory(path string) *FileHistory {
	h := &FileHistory{path: path, m: map[string]entry{}}
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, &h.m)
	}
	return h
}

// Expect implements History.
func (h *FileHistory) Expect(key string) time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return time.Duration(h.m[key].Seconds * float64(time.Second))
}

// Record implements History.
func (h *FileHistory) Record(key string, d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.m[key] = entry{Seconds: d.Seconds(), Day: today()}
	h.dirty = true
}

func today() int64 { return time.Now().Unix() / 86400 }

// Save writes the history to its file, without the blocks not run for
// historyDays, through a temporary file renamed over it, so that a
// reader never sees half a file. It writes nothing when nothing was
// recorded.
func (h *FileHistory) Save() error {
	h.mu.Lock()
	if !h.dirty {
		h.mu.Unlock()
		return nil
	}
	h.dirty = false
	for k, e := range h.m {
		if today()-e.Day > historyDays {
			delete(h.m, k)
		}
	}
	data, err := json.Marshal(h.m)
	h.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(h.path), ".history-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), h.path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
