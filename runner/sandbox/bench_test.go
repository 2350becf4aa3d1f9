package sandbox

import (
	"os/exec"
	"testing"
	"time"
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
	b.Run("sandbox", func(b *testing.B) { benchSandbox(b, Options{}) })
	// A course's run: per-process and whole-run caps (a cgroup where
	// bingfa may make one), as runner/proc asks for.
	b.Run("limits", func(b *testing.B) {
		benchSandbox(b, Options{MaxMemory: 1 << 30, RunMemory: 1 << 30, MaxTasks: 512, CPU: 10 * time.Second})
	})
}

func benchSandbox(b *testing.B, o Options) {
	if !Enabled() {
		b.Skipf("no sandbox: %v", Why())
	}
	for b.Loop() {
		cmd := exec.Command("/bin/true")
		box, err := Wrap(cmd, o)
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
}
