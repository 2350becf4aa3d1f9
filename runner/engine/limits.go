package engine

import "fmt"

// DefaultMaxTasks caps the processes and threads of one run: far above
// what a lesson starts (a Go program has a handful of threads; the
// course's largest block holds about a hundred), far below a fork bomb.
const DefaultMaxTasks = 512

// The messages of the caps, every one in Chinese (the language of the
// lessons) and English (that of bingfa's other messages), in one place.

// MemoryLimitFailure is the failure of a run that reached its memory cap.
func MemoryLimitFailure(limit int64) *Failure {
	s := SizeString(limit)
	return Failuref(MemoryLimit, "内存超过 %s 上限 (exceeded the %s memory limit)", s, s)
}

// TaskLimitFailure is the failure of a run that tried to have more than
// limit processes and threads at once.
func TaskLimitFailure(limit int) *Failure {
	return Failuref(TaskLimit, "进程和线程数超过 %d 个的上限 (exceeded the limit of %d processes and threads)", limit, limit)
}

// CPULimitFailure is the failure of a process killed for using more than
// its CPU time.
func CPULimitFailure() *Failure {
	return Failuref(CPULimit, "CPU 时间超过上限 (exceeded the CPU time limit)")
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
