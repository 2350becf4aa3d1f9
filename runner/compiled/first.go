package compiled

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"bingfa/internal/selfbuild"
)

// On an empty GOCACHE, the first go build with a set of build flags
// compiles the standard packages its programs import, with those flags:
// most of its work. Two bingfa processes (or engines) building at once
// would each compile them, since go commands do not share the packages
// they are compiling. So the first urgent build of an engine with each
// set of flags takes a lock in the cache directory (first-build.lock,
// first-build-race.lock) and holds it until it ends: the first build of
// another engine with the same flags and cache waits for it, and then
// finds those packages in GOCACHE. Only the first: an engine's later
// builds, and background builds (which yield to everything anyway), never
// wait for the lock, so that a reader's run is never held back by more
// than another engine's first build, and by at most maxFirstWait.

// maxFirstWait bounds the wait for another engine's first build: after
// it, this one builds anyway (as it would without the lock).
const maxFirstWait = 2 * time.Minute

// firstBuild returns, for the engine's first urgent build with or without
// -race, once it holds the lock of the first builds with those flags, the
// function that releases it; for any other build, a function that does
// nothing, at once.
func (e *Engine) firstBuild(ctx context.Context, race bool) (unlock func()) {
	i, name := 0, "first-build.lock"
	if race {
		i, name = 1, "first-build-race.lock"
	}
	e.mu.Lock()
	first := !e.firstDone[i]
	e.firstDone[i] = true
	e.mu.Unlock()
	nothing := func() {}
	if !first || os.MkdirAll(e.cache.dir, 0o755) != nil {
		return nothing
	}
	ctx, cancel := context.WithTimeout(ctx, maxFirstWait)
	defer cancel()
	unlock, err := selfbuild.Lock(ctx, filepath.Join(e.cache.dir, name))
	if err != nil {
		return nothing
	}
	return unlock
}
