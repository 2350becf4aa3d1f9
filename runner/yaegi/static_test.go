package yaegi_test

import (
	"context"
	"sync"
	"testing"

	"bingfa/runner/compiled"
	"bingfa/runner/engine"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
	"bingfa/runner/yaegi"
	"bingfa/runner/yaegi/protocol"
)

// staticCases are programs whose static check must say the same in the
// worker's process as in this one: one that passes, one newer than
// yaegi, one that does not type-check (with its line).
var staticCases = map[string]string{
	"passes":      "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\")\n}\n",
	"range int":   "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfor i := range 3 {\n\t\tfmt.Println(i)\n\t}\n}\n",
	"type error":  "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar n int = \"x\"\n\tfmt.Println(n)\n}\n",
	"syntax":      "package main\n\nfunc main() {\n\tx :=\n}\n",
	"host import": "package main\n\nimport \"runtime\"\n\nfunc main() { println(runtime.NumCPU()) }\n",
}

// TestStaticInWorker: the static check in the worker's process finds
// what package static finds in this process, for requests made at once,
// with Preload before; Close ends it (the end of its input), and after
// Close it answers nothing.
func TestStaticInWorker(t *testing.T) {
	s := yaegi.NewStatic(protocol.StaticConfig{GoFlags: compiled.BuildFlags(false), GoEnv: compiled.BuildEnv(false), WorkDir: t.TempDir()}, true)
	local := inproc.New()
	defer local.Close()
	var srcs [][]byte
	for _, src := range staticCases {
		srcs = append(srcs, []byte(src))
	}
	s.Preload(engine.Background(t.Context()), srcs)
	var wg sync.WaitGroup
	for name, src := range staticCases {
		wg.Go(func() {
			got, err := s.Check(t.Context(), []byte(src))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				return
			}
			want := route.Finding(local.Checker.Check([]byte(src)))
			if got != want {
				t.Errorf("%s: the worker found %+v, this process %+v", name, got, want)
			}
		})
	}
	wg.Wait()
	if f, _ := s.Check(t.Context(), []byte(staticCases["type error"])); f.Line != 6 || f.Yaegi {
		t.Errorf("type error: %+v, want line 6", f)
	}
	if f, _ := s.Check(t.Context(), []byte(staticCases["range int"])); f.Reason != "range over int (Go 1.22)" || f.Line != 6 {
		t.Errorf("range over int: %+v", f)
	}
	s.Close()
	if st := s.StaticProcess(); st == nil || !st.Exited() || st.ExitCode() != 0 {
		t.Errorf("after Close, the static check's process: %v, want ended by itself at the end of its input", st)
	}
	if _, err := s.Check(context.Background(), []byte(staticCases["passes"])); err == nil {
		t.Error("a check after Close was answered")
	}
}

var _ route.Static = (*yaegi.Static)(nil)
