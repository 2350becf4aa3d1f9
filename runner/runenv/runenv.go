// Package runenv builds the environment a lesson's program runs with. Both
// engines take it from here, so that a program sees the same environment,
// in the same order, whichever engine runs it.
//
// The environment is a minimal one, not bingfa's own (which may hold
// secrets): a fixed PATH, HOME, TMPDIR and PWD set to the run's scratch
// directory and TZ to UTC (so that a program that prints local times
// prints the same on every machine); then the Go runtime's settings of
// bingfa's own environment (GOMAXPROCS, GOGC, GOMEMLIMIT, GODEBUG,
// GOTRACEBACK, GORACE), as a person checking the course may want to tune
// them; then the block's env= variables, which win. Each variable
// appears once, with its last value, at the place of its last setting.
// This is the order os/exec gives a child whose environment holds a key
// twice; a yaegi worker sets the variables one by one in this order,
// which keeps it.
package runenv

import (
	"os"
	"strings"
)

// Environ returns the environment of a program run in dir, with the
// block's variables extra (KEY=VALUE).
func Environ(dir string, extra []string) []string {
	env := []string{"PATH=" + path, "HOME=" + dir, "TMPDIR=" + dir, "PWD=" + dir, "TZ=UTC"}
	for _, k := range passed {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return Dedup(append(env, extra...))
}

// path is the PATH of programs.
const path = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin"

// passed are the variables of bingfa's own that programs get: they tune
// the Go runtime.
var passed = []string{"GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GODEBUG", "GOTRACEBACK", "GORACE"}

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
