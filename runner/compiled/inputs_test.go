package compiled

import (
	"context"
	"testing"

	"bingfa/runner/engine"
)

// TestEmbedKey runs one source that embeds a data file with two contents
// of the file: each build embeds its own, so the content is part of the
// cache key.
func TestEmbedKey(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	const src = "package main\n\nimport _ \"embed\"\n\n//go:embed data.txt\nvar s string\n\nfunc main() { print(s) }\n"
	for _, data := range []string{"one\n", "two\n"} {
		p := program("embed", src)
		p.Files = []engine.File{{Path: "data.txt", Data: []byte(data)}}
		out := e.Run(context.Background(), p, nil)
		if out.Err != nil {
			t.Fatal(out.Err)
		}
		if got := out.Text(engine.Output); got != data {
			t.Errorf("embedded %q, want %q", got, data)
		}
	}
}

// TestNames checks that a program sees the names its block gives it, and
// that no position shows the directory it was built in.
func TestNames(t *testing.T) {
	t.Parallel()
	e := New(t.TempDir())
	defer e.Close()
	const src = "package main\n\nimport (\n\t\"os\"\n\t\"runtime\"\n)\n\nfunc main() {\n\t_, file, line, _ := runtime.Caller(0)\n\tprintln(os.Args[0], file, line)\n}\n"
	for _, c := range []struct{ argv0, file, want string }{
		{"", "", "main main.go 9\n"},
		{"", "tool.go", "tool tool.go 9\n"},
		{"./greet", "", "./greet main.go 9\n"},
	} {
		p := program("names", src)
		p.Argv0, p.FileName = c.argv0, c.file
		out := e.Run(context.Background(), p, nil)
		if out.Err != nil {
			t.Fatal(out.Err)
		}
		if got := out.Text(engine.Output); got != c.want {
			t.Errorf("argv0=%q filename=%q: got %q, want %q", c.argv0, c.file, got, c.want)
		}
	}
}
