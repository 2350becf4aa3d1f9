package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// stopSignals are the signals that stop every command as Ctrl-C does:
// Ctrl-C (SIGINT), SIGTERM, and SIGHUP, which a terminal that is closed
// sends; each kills the programs running and removes their scratch
// directories before bingfa exits.
var stopSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// interruptible returns a context that is cancelled by the first of
// stopSignals; stop stops listening for them.
func interruptible() (ctx context.Context, stop context.CancelFunc) {
	return signal.NotifyContext(context.Background(), stopSignals...)
}
