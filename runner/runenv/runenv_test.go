package runenv

import (
	"slices"
	"strings"
	"testing"
)

func TestDedup(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A=1 B=2", "A=1 B=2"},
		{"PWD=/home A=1 PWD=/tmp/x", "A=1 PWD=/tmp/x"},
		{"A=1 B=2 A=3 B=4", "A=3 B=4"},
		{"A=1 A=", "A="},
		{"=C:=x A=1 =C:=y", "A=1 =C:=y"},
		{"A=x=y A", "A=x=y"},
		{"", ""},
	} {
		got := strings.Join(Dedup(strings.Fields(c.in)), " ")
		if got != c.want {
			t.Errorf("Dedup(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestEnviron: bingfa's own PWD, TMPDIR and TZ give way to the run's,
// which come last, before the block's own variables; each key is there
// once.
func TestEnviron(t *testing.T) {
	t.Setenv("PWD", "/somewhere")
	t.Setenv("TMPDIR", "/tmp")
	t.Setenv("TZ", "Asia/Shanghai")
	env := Environ("/scratch", []string{"A=1", "TZ=Europe/Paris"})
	n := len(env)
	if got, want := env[n-4:], []string{"TMPDIR=/scratch", "PWD=/scratch", "A=1", "TZ=Europe/Paris"}; !slices.Equal(got, want) {
		t.Errorf("environment ends with %q, want %q", got, want)
	}
	seen := map[string]bool{}
	for _, kv := range env {
		k, _ := key(kv)
		if seen[k] {
			t.Errorf("%s set twice in %q", k, env)
		}
		seen[k] = true
	}
}
