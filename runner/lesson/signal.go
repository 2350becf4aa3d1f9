package lesson

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Signals are the signals a lesson may send to a program (signal=) or
// expect it to die of (expect=signal:NAME), by name.
var Signals = []string{"SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGKILL"}

func knownSignal(name string) error {
	if slices.Contains(Signals, name) {
		return nil
	}
	return fmt.Errorf("want one of %s", strings.Join(Signals, ", "))
}

func setSignal(o *Inputs, v string) error {
	if err := knownSignal(v); err != nil {
		return err
	}
	o.Signal = v
	return nil
}

func setReady(o *Inputs, v string) error {
	if strings.Contains(v, "\n") {
		return fmt.Errorf("the readiness text is part of one line")
	}
	o.Ready = v
	return nil
}

func setAfter(o *Inputs, v string) error {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 || d > maxTimeout {
		return fmt.Errorf("want a duration such as 500ms")
	}
	o.After = d
	return nil
}

// checkSignal reports a run whose signal= is never sent, or whose ready=
// or after= has no signal to send.
func checkSignal(in Inputs) error {
	switch {
	case in.Signal != "" && in.Ready == "" && in.After == 0:
		return fmt.Errorf("signal=%s needs ready=\"TEXT\" or after=DURATION: when to send it", in.Signal)
	case in.Signal == "" && in.Ready != "":
		return fmt.Errorf("ready= says when to send signal=, which is not given")
	case in.Signal == "" && in.After > 0:
		return fmt.Errorf("after= says when to send signal=, which is not given")
	}
	return nil
}
