package sandbox

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
)

// offEnv turns the sandbox off when set to "off" (to test the fallback,
// or where it gets in the way), and its cgroups when set to "nocgroup"
// (to test the caps where bingfa may not make cgroups).
const offEnv = "BINGFA_SANDBOX"

// Warnings is where Enabled says, once, that programs run unconfined.
var Warnings io.Writer = os.Stderr

var probed struct {
	once sync.Once
	err  error
}

// Enabled reports whether programs run in a sandbox: on Linux, unless
// BINGFA_SANDBOX=off, when a probe (an init that sets everything up and
// runs nothing) succeeds. The first call probes; when the sandbox is not
// available, it says so once on Warnings.
func Enabled() bool {
	probed.once.Do(func() {
		probed.err = probe()
		if probed.err != nil {
			fmt.Fprintf(Warnings, "bingfa: programs run unconfined (no sandbox): %v\n", probed.err)
		}
	})
	return probed.err == nil
}

// Why returns why the sandbox is not enabled, or nil.
func Why() error {
	Enabled()
	return probed.err
}

// probe starts an init that sets everything up and runs nothing.
func probe() error {
	if runtime.GOOS != "linux" {
		return fmt.Errorf("namespaces need Linux, not %s", runtime.GOOS)
	}
	if os.Getenv(offEnv) == "off" {
		return fmt.Errorf("%s=off", offEnv)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe)
	b, err := Wrap(cmd, Options{})
	if err != nil {
		return err
	}
	if err := setProbe(cmd); err != nil {
		return err
	}
	if err := b.Start(); err != nil {
		return fmt.Errorf("cannot create namespaces: %v", err)
	}
	werr := cmd.Wait()
	r, err := b.Result()
	switch {
	case err != nil:
		return fmt.Errorf("the sandbox's init failed (%v): does the executable call sandbox.MaybeInit first?", werr)
	case r.Unavailable != "":
		return fmt.Errorf("sandbox unavailable: %s", r.Unavailable)
	}
	return nil
}

// setProbe marks the settings of an init as a probe's.
func setProbe(cmd *exec.Cmd) error {
	const prefix = initEnv + "="
	var s settings
	if err := decode([]byte(cmd.Env[0][len(prefix):]), &s); err != nil {
		return err
	}
	s.Probe = true
	cmd.Env[0] = prefix + string(encode(&s))
	return nil
}
