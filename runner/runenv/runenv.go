// Package runenv builds the environment a lesson's program runs with. Both
// engines take it from here, so that a program sees the same environment,
// in the same order, whichever engine runs it.
//
// The environment is bingfa's own, then TMPDIR and PWD set to the run's
// scratch directory and TZ to UTC (so that a program that prints local
// times prints the same on every machine), then the block's env=
// variables, which win. Each variable appears once, with its last value,
// at the place of its last setting: a variable of bingfa's own that a
// later one sets again (PWD, as any shell sets it) moves to where it is
// set again. This is the order os/exec gives a child whose environment
// holds a key twice; a yaegi worker sets the variables one by one in
// this order, which keeps it.
package runenv

import (
	"os"
	"strings"
)

// Environ returns the environment of a program run in dir, with the
// block's variables extra (KEY=VALUE).
func Environ(dir string, extra []string) []string {
	env := append(os.Environ(), "TMPDIR="+dir, "PWD="+dir, "TZ=UTC")
	return Dedup(append(env, extra...))
}

// Dedup returns env with each key once: the last of its settings, at its
// place. An entry without "=" is dropped; a leading "=" belongs to the
// key (Windows-style variables such as "=C:").
func Dedup(env []string) []string {
	seen := make(map[string]bool, len(env))
	out := make([]string, 0, len(env))
	for i := len(env) - 1; i >= 0; i-- {
		k, ok := key(env[i])
		if !ok || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, env[i])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// key returns the key of KEY=VALUE.
func key(kv string) (string, bool) {
	if kv == "" {
		return "", false
	}
	i := strings.IndexByte(kv[1:], '=')
	if i < 0 {
		return "", false
	}
	return kv[:i+1], true
}
