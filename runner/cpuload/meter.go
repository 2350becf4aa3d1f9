package cpuload

import (
	"os"
	"sync"
	"time"
)

// A Meter reports idle CPUs over a recent window. It is safe for
// concurrent use.
type Meter struct {
	window time.Duration
	read   func() (ticks, int, error) // the counters now, and how many CPUs they cover
	now    func() time.Time

	mu      sync.Mutex
	samples []sample // oldest first, none older than two windows
	broken  bool     // the counters cannot be read
}

// A sample is the counters at one moment.
type sample struct {
	at   time.Time
	t    ticks
	cpus int
}

// New returns a Meter of this machine that measures over window (the
// kernel counts in ticks of 10ms, so a window under 50ms says little).
func New(window time.Duration) *Meter {
	return &Meter{window: window, read: readProc, now: time.Now}
}

// readProc reads the counters of the CPUs this process may run on.
func readProc() (ticks, int, error) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return ticks{}, 0, err
	}
	allowed, err := parseAllowed(status)
	if err != nil {
		return ticks{}, 0, err
	}
	stat, err := os.ReadFile("/proc/stat")
	if err != nil {
		return ticks{}, 0, err
	}
	return parseStat(stat, allowed)
}

// Idle returns how many CPUs were idle, on average, over the last window
// (or since the Meter's first call, if that is more recent), such as 1.5
// on two CPUs of which one was idle and the other busy half the time. It
// returns 0 on its first call, when nothing is known yet, and when the
// counters cannot be read.
func (m *Meter) Idle() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.broken {
		return 0
	}
	now := m.now()
	if n := len(m.samples); n == 0 || now.Sub(m.samples[n-1].at) >= m.window/4 {
		t, cpus, err := m.read()
		if err != nil {
			m.broken = true
			return 0
		}
		m.samples = append(m.samples, sample{now, t, cpus})
	}
	m.forget(now)
	return idleBetween(m.base(now), m.samples[len(m.samples)-1])
}

// forget drops the samples that no window needs any more.
func (m *Meter) forget(now time.Time) {
	i := 0
	for i < len(m.samples)-1 && now.Sub(m.samples[i+1].at) >= m.window {
		i++
	}
	m.samples = m.samples[i:]
}

// base returns the sample a window ago: the newest one at least a window
// old, or the oldest one.
func (m *Meter) base(now time.Time) sample {
	b := m.samples[0]
	for _, s := range m.samples {
		if now.Sub(s.at) < m.window {
			break
		}
		b = s
	}
	return b
}

// idleBetween returns the idle CPUs between two samples.
func idleBetween(a, b sample) float64 {
	if b.t.total <= a.t.total || b.cpus != a.cpus || b.t.idle < a.t.idle {
		return 0
	}
	return float64(b.t.idle-a.t.idle) / float64(b.t.total-a.t.total) * float64(b.cpus)
}
