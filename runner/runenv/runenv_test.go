package runenv

import (
	"os"
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

// TestEnviron: a program gets a minimal environment, not bingfa's own
// (its secrets, its PWD), the Go runtime's settings of bingfa's own, and
// the block's variables last, which win; each key is there once, in one
// order.
func TestEnviron(t *testing.T) {
	t.Setenv("PWD", "/somewhere")
	t.Setenv("TMPDIR", "/tmp")
	t.Setenv("TZ", "Asia/Shanghai")
	t.Setenv("SECRET_TOKEN", "s3cret")
	t.Setenv("GODEBUG", "gctrace=1")
	for _, k := range []string{"GOMAXPROCS", "GOGC", "GOMEMLIMIT", "GOTRACEBACK", "GORACE"} {
		t.Setenv(k, "") // present but empty: passed on as it is
		os.Unsetenv(k)
	}
	got := Environ("/scratch", []string{"A=1", "TZ=Europe/Paris"})
	want := []string{"PATH=" + path, "HOME=/scratch", "TMPDIR=/scratch", "PWD=/scratch", "GODEBUG=gctrace=1", "A=1", "TZ=Europe/Paris"}
	if !slices.Equal(got, want) {
		t.Errorf("Environ = %q\nwant      %q", got, want)
	}
}
