package static_test

import (
	"fmt"
	"testing"

	"bingfa/runner/check"
	"bingfa/runner/engine/enginetest"
	"bingfa/runner/lesson"
	"bingfa/runner/route"
	"bingfa/runner/route/static/inproc"
)

// BenchmarkDecide measures the static check of a block not seen before
// (the imported packages already loaded), as when a reader edits a block.
func BenchmarkDecide(b *testing.B) {
	r, err := route.New(route.Auto, enginetest.Named("compiled"), enginetest.Named("yaegi"), inproc.New())
	if err != nil {
		b.Fatal(err)
	}
	src := "# B\n\n```go\npackage main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tfmt.Println(%d)\n\t}()\n\twg.Wait()\n}\n```\n"
	decide := func(i int) {
		l, err := lesson.Parse("b.md", fmt.Appendf(nil, src, i))
		if err != nil {
			b.Fatal(err)
		}
		p, _ := check.Program(l, l.Blocks[0])
		if d := r.Decide(l.Blocks[0], p); !d.Yaegi {
			b.Fatal(d.Reason)
		}
	}
	decide(-1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		decide(i)
	}
}
