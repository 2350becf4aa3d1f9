package trace

import "time"

// A State is what a goroutine was doing during a segment.
type State uint8

const (
	Running  State = iota // on a processor
	Runnable              // ready, waiting for a processor
	Blocked               // waiting for something; Segment.Why says what
	Syscall               // in a system call
)

// Why a goroutine was blocked, grouped from the runtime's reasons.
type Why uint8

const (
	WhyNone    Why = iota
	WhyChannel     // chan send, chan receive, select
	WhySync        // sync.Mutex, RWMutex, WaitGroup, Cond
	WhySleep       // time.Sleep
	WhyNetwork     // the network poller
	WhyGC          // the garbage collector
	WhyOther
)

// A Segment is a stretch of time a goroutine spent in one state.
type Segment struct {
	Start, End time.Duration // since the first event of the trace
	State      State
	Why        Why
	Reason     string // the runtime's own words, e.g. "chan receive"
	Proc       int    // the processor (P) of a running segment, else -1
}

// A Lane is one goroutine of the program.
type Lane struct {
	ID       int64
	Name     string // the function it started in; "main" for goroutine 1
	Segments []Segment
}

// A Trace is the program's goroutines over the time of one trace.
type Trace struct {
	Duration   time.Duration
	GOMAXPROCS int
	Lanes      []*Lane
	Complete   bool // the trace was stopped, not cut off
}

// busy is the time a lane spent running.
func (l *Lane) busy() time.Duration {
	var d time.Duration
	for _, s := range l.Segments {
		if s.State == Running {
			d += s.End - s.Start
		}
	}
	return d
}

// whyOf groups a runtime block reason.
func whyOf(reason string) Why {
	switch reason {
	case "chan send", "chan receive", "select", "select (no cases)", "chan send (nil chan)", "chan receive (nil chan)":
		return WhyChannel
	case "sync", "sync.(*Cond).Wait":
		return WhySync
	case "sleep":
		return WhySleep
	case "network":
		return WhyNetwork
	case "GC mark assist wait for work", "GC background sweeper wait", "wait until GC ends", "GC weak to strong wait":
		return WhyGC
	}
	return WhyOther
}
