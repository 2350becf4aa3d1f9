package engine

import (
	"fmt"

	"bingfa/runner/msg"
)

// DefaultMaxTasks caps the processes and threads of one run: far above
// what a lesson starts (a Go program has a handful of threads; the
// course's largest block holds about a hundred), far below a fork bomb.
const DefaultMaxTasks = 512

// The messages of the caps are written in English from the message
// catalogue, like every engine message; presenters translate them into
// the lesson's language (msg.Lang.Report and Why).

// MemoryLimitFailure is the failure of a run that reached its memory cap.
func MemoryLimitFailure(limit int64) *Failure {
	s := SizeString(limit)
	return &Failure{Kind: MemoryLimit, Msg: msg.En.T("run.memlimit", s)}
}

// TaskLimitFailure is the failure of a run that tried to have more than
// limit processes and threads at once.
func TaskLimitFailure(limit int) *Failure {
	return &Failure{Kind: TaskLimit, Msg: msg.En.T("run.tasklimit", fmt.Sprint(limit))}
}

// CPULimitFailure is the failure of a process killed for using more than
// its CPU time.
func CPULimitFailure() *Failure {
	return &Failure{Kind: CPULimit, Msg: msg.En.T("run.cpulimit")}
}

// SizeString writes a size in bytes as people do: "4 GiB", "64 KiB".
func SizeString(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
