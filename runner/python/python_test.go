package python

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bingfa/runner/engine"
	"bingfa/runner/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.MaybeInit()
	os.Exit(m.Run())
}

// TestMissing: an interpreter that is not there is an error that says so,
// and a run of it is a failure of the engine, not a program's.
func TestMissing(t *testing.T) {
	e := New("bingfa-no-such-python3")
	if _, err := e.Find(); err == nil || !strings.Contains(err.Error(), "no bingfa-no-such-python3 in PATH") {
		t.Fatalf("Find: %v", err)
	}
	out := e.Run(context.Background(), &engine.Program{ID: "x", Source: []byte("print(1)\n")}, nil)
	if f, ok := out.Err.(*engine.Failure); !ok || f.Kind != engine.Broken {
		t.Fatalf("Run: %+v", out)
	}
}

// TestRun runs the cases of testdata: in each directory NAME, the
// script main.py, with the arguments of the file args (if any, split at
// spaces) and the other files as data files, must print the file output
// ($PYTHON stands for the interpreter's real path) and end with the
// status of the file exit (0 without one).
func TestRun(t *testing.T) {
	e := New(Command())
	in, err := e.Find()
	if err != nil {
		t.Skipf("no Python here: %v", err)
	}
	dirs, _ := os.ReadDir("testdata")
	if len(dirs) == 0 {
		t.Fatal("no cases in testdata")
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			t.Parallel()
			p := &engine.Program{ID: d.Name(), Timeout: 30 * time.Second, MaxOutput: 1 << 20}
			want, exit := "", "0"
			files, err := os.ReadDir(filepath.Join("testdata", d.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				data, err := os.ReadFile(filepath.Join("testdata", d.Name(), f.Name()))
				if err != nil {
					t.Fatal(err)
				}
				switch f.Name() {
				case Script:
					p.Source = data
				case "args":
					p.Args = strings.Fields(string(data))
				case "output":
					want = strings.ReplaceAll(string(data), "$PYTHON", in.Path)
				case "exit":
					exit = strings.TrimSpace(string(data))
				default:
					p.Files = append(p.Files, engine.File{Path: f.Name(), Data: data})
				}
			}
			out := e.Run(context.Background(), p, nil)
			if out.Err != nil {
				t.Fatalf("run: %v\n%s", out.Err, out.Text(engine.Output))
			}
			if got := out.Text(engine.Output); got != want {
				t.Errorf("output:\n%s\nwant:\n%s", got, want)
			}
			if got := strconv.Itoa(out.Exit); got != exit {
				t.Errorf("exit status %s, want %s", got, exit)
			}
		})
	}
}
