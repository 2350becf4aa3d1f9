// Command gensyms writes package static's symbols_gen.go: the names in
// yaegi's standard-library tables (see package yaegisyms). Run it with
// go generate in runner/route/static after a change of yaegi's version.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"bingfa/runner/route/static/internal/yaegisyms"
)

func main() {
	out := "symbols_gen.go"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	src, err := yaegisyms.Source(yaegisyms.Names(), yaegiVersion())
	if err == nil {
		err = os.WriteFile(out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gensyms:", err)
		os.Exit(1)
	}
}

// yaegiVersion returns the version of yaegi this program is built with.
func yaegiVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/traefik/yaegi" {
				return m.Version
			}
		}
	}
	return "(unknown version)"
}
