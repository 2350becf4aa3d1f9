package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"bingfa/runner/compiled"
)

// A module is a generated Go module holding one program per package,
// p001 to pNNN, as a Go programmer would lay out the course's programs to
// build them with the go command.
type module struct {
	Dir  string
	Pkgs []string // ./p001, ...
}

// writeModule writes ps into a new module under dir. With examples set,
// each package also gets an example_test.go whose Example runs main and
// states the block's expected output.
func writeModule(dir string, ps []*program, examples bool) (*module, error) {
	m := &module{Dir: dir}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var srcs [][]byte
	for _, p := range ps {
		srcs = append(srcs, []byte(p.Source))
	}
	if err := compiled.WriteModule(dir, "benchprog", srcs...); err != nil {
		return nil, err
	}
	for i, p := range ps {
		if examples && !p.Example {
			continue
		}
		pkg := fmt.Sprintf("p%03d", i+1)
		if err := writePackage(filepath.Join(dir, pkg), p, examples); err != nil {
			return nil, err
		}
		m.Pkgs = append(m.Pkgs, "./"+pkg)
	}
	return m, nil
}

func writePackage(dir string, p *program, examples bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(p.Source), 0o644); err != nil {
		return err
	}
	if !examples {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, "example_test.go"), []byte(exampleTest(p)), 0o644)
}

// exampleTest returns a testable example that runs the program's main and
// expects its output. Expected output with placeholders cannot match, and
// go test compares stdout only: the example is there to be built and run,
// which is what is timed; whether it passes is reported, not required.
func exampleTest(p *program) string {
	var b strings.Builder
	b.WriteString("package main\n\nfunc Example() {\n\tmain()\n\t// Output:\n")
	for _, line := range strings.Split(strings.TrimRight(p.block.Output.Text, "\n"), "\n") {
		b.WriteString("\t// " + line + "\n")
	}
	b.WriteString("}\n")
	return b.String()
}
