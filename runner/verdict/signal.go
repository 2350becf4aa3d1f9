package verdict

import (
	"cmp"
	"syscall"

	"bingfa/runner/engine"
)

// signalNames are the signals expect=signal: names, by the text the Go
// runtime gives them ("interrupt" for SIGINT).
var signalNames = map[string]string{
	syscall.SIGINT.String(): "SIGINT", syscall.SIGTERM.String(): "SIGTERM",
	syscall.SIGHUP.String(): "SIGHUP", syscall.SIGQUIT.String(): "SIGQUIT",
	syscall.SIGUSR1.String(): "SIGUSR1", syscall.SIGUSR2.String(): "SIGUSR2",
	syscall.SIGKILL.String(): "SIGKILL",
}

// judgeSignal checks that the program was killed by the signal named
// want (expect=signal:SIGINT).
func judgeSignal(v *Verdict, line int, want string, o *engine.Outcome) {
	got := cmp.Or(signalNames[o.Signal], o.Signal)
	switch {
	case o.Signal == "":
		v.fail(line, "expected to be killed by %s, but it exited with status %d", want, o.Exit)
	case got != want:
		v.fail(line, "expected to be killed by %s, but it was killed by %s", want, got)
	}
}
