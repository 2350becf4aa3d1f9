package sandbox

import (
	"os/exec"
	"testing"
)

// BenchmarkRun measures what the sandbox adds to a run: /bin/true
// started directly, and in a sandbox (namespaces, the init, the new root,
// the program's parent, the program, the report).
func BenchmarkRun(b *testing.B) {
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			if err := exec.Command("/bin/true").Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("sandbox", func(b *testing.B) {
		if !Enabled() {
			b.Skipf("no sandbox: %v", Why())
		}
		for b.Loop() {
			cmd := exec.Command("/bin/true")
			box, err := Wrap(cmd, benchOpts)
			if err != nil {
				b.Fatal(err)
			}
			if err := box.Start(); err != nil {
				b.Fatal(err)
			}
			_ = cmd.Wait()
			if r, err := box.Result(); err != nil || r.Exit != 0 {
				b.Fatalf("result %+v, %v", r, err)
			}
		}
	})
}

var benchOpts = Options{}
