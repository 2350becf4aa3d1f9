package wiring_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLeanBinary: bingfa's own binary (the module root) links neither the
// interpreter nor go/types and what go/importer brings: the static check
// runs in the interpreter's worker (yaegi.Static).
func TestLeanBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "../..").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Whole trees, but go/build/constraint and go/doc/comment (go/parser
	// and go/printer use them).
	trees := []string{"go/types", "go/importer", "go/constant", "debug/elf", "debug/dwarf",
		"internal/xcoff", "internal/zstd", "github.com/traefik/yaegi", "bingfa/runner/route/static"}
	for _, p := range strings.Fields(string(out)) {
		bad := p == "go/build" || p == "go/doc" ||
			strings.HasPrefix(p, "go/internal/") && strings.HasSuffix(p, "importer")
		for _, tree := range trees {
			bad = bad || p == tree || strings.HasPrefix(p, tree+"/")
		}
		if bad {
			t.Errorf("bingfa links %s", p)
		}
	}
}
