package static

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"bingfa/runner/compiled"
)

// TestExportsShareTheBuildCache: the export data that routing asks go
// list for is compiled as the compiled engine's builds compile it, so
// that on a cold build cache the standard library is compiled once, not
// once for routing and once more for building.
func TestExportsShareTheBuildCache(t *testing.T) {
	t.Setenv("GOCACHE", t.TempDir()) // cold
	x := newExports()
	x.cfg = Config{GoFlags: compiled.BuildFlags(false), GoEnv: compiled.BuildEnv(false)}
	if err := x.load(t.Context(), []string{"unicode/utf8"}); err != nil {
		t.Fatal(err)
	}
	if x.files["unicode/utf8"] == "" {
		t.Fatal("go list gave no export data for unicode/utf8")
	}
	mod := t.TempDir()
	files := map[string]string{
		"go.mod":     "module lib\n\ngo 1.26\n",
		"lib/lib.go": "package lib\n\nimport \"unicode/utf8\"\n\nvar N = utf8.RuneLen('并')\n",
	}
	for name, text := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(mod, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mod, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", append(append([]string{"build", "-x"}, compiled.BuildFlags(false)...), "./lib")...)
	cmd.Dir = mod
	cmd.Env = compiled.BuildEnv(false)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for line := range strings.Lines(string(out)) {
		if strings.Contains(line, "/compile ") && strings.Contains(line, "-p unicode/utf8 ") {
			t.Fatalf("go build compiled unicode/utf8 again after go list had:\n%s", line)
		}
	}
}
