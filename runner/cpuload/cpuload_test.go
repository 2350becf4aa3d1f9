package cpuload

import (
	"maps"
	"runtime"
	"slices"
	"testing"
	"time"
)

const stat = `cpu  700 10 200 900 50 0 10 5 0 0
cpu0 300 5 100 400 20 0 5 3 0 0
cpu1 400 5 100 500 30 0 5 2 7 0
intr 12345 0 0
ctxt 999
`

func TestParseStat(t *testing.T) {
	for _, tc := range []struct {
		name    string
		allowed map[int]bool
		want    ticks
		cpus    int
	}{
		{"all", nil, ticks{idle: 420 + 530, total: 833 + 1042}, 2},
		{"cpu1", map[int]bool{1: true}, ticks{idle: 530, total: 1042}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n, err := parseStat([]byte(stat), tc.allowed)
			if err != nil || got != tc.want || n != tc.cpus {
				t.Errorf("parseStat = %+v, %d, %v; want %+v, %d", got, n, err, tc.want, tc.cpus)
			}
		})
	}
	if _, _, err := parseStat([]byte(stat), map[int]bool{5: true}); err == nil {
		t.Error("parseStat with no allowed CPU in the text: no error")
	}
	if _, _, err := parseStat([]byte("cpu0 1 2 x 4 5\n"), nil); err == nil {
		t.Error("parseStat of a bad counter: no error")
	}
}

func TestParseList(t *testing.T) {
	for list, want := range map[string][]int{"0": {0}, "0-3": {0, 1, 2, 3}, "0-1,4,6-7": {0, 1, 4, 6, 7}} {
		got, err := parseList(list)
		if err != nil || !slices.Equal(slices.Sorted(maps.Keys(got)), want) {
			t.Errorf("parseList(%q) = %v, %v; want %v", list, got, err, want)
		}
	}
	for _, bad := range []string{"", "a", "3-1", "0-"} {
		if _, err := parseList(bad); err == nil {
			t.Errorf("parseList(%q): no error", bad)
		}
	}
	got, err := parseAllowed([]byte("Name:\tx\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n"))
	if err != nil || len(got) != 2 {
		t.Errorf("parseAllowed = %v, %v", got, err)
	}
}

// fake is a machine whose counters the test advances.
type fake struct {
	now   time.Time
	t     ticks
	reads int
}

func (f *fake) meter(window time.Duration) *Meter {
	return &Meter{window: window, now: func() time.Time { return f.now },
		read: func() (ticks, int, error) { f.reads++; return f.t, 2, nil }}
}

// pass lets d go by on two CPUs of which idle were idle (in ticks of 10ms).
func (f *fake) pass(d time.Duration, idle float64) {
	all := uint64(2 * d / (10 * time.Millisecond))
	f.now = f.now.Add(d)
	f.t.total += all
	f.t.idle += uint64(float64(all) * idle / 2)
}

func TestMeter(t *testing.T) {
	f := &fake{now: time.Unix(1000, 0)}
	m := f.meter(100 * time.Millisecond)
	if got := m.Idle(); got != 0 {
		t.Fatalf("first Idle = %v, want 0 (nothing known)", got)
	}
	f.pass(100*time.Millisecond, 2)
	if got := m.Idle(); got != 2 {
		t.Errorf("Idle after an idle window = %v, want 2", got)
	}
	f.pass(100*time.Millisecond, 0)
	if got := m.Idle(); got != 0 {
		t.Errorf("Idle after a busy window = %v, want 0", got)
	}
	// Half a window idle after a busy one: the window reaches back to
	// the newest sample at least a window old, 150ms ago, of which 50ms
	// were idle on both CPUs.
	f.pass(50*time.Millisecond, 2)
	if got := m.Idle(); got < 0.66 || got > 0.67 {
		t.Errorf("Idle a third idle = %v, want 2/3", got)
	}
	reads := f.reads
	m.Idle() // too soon for a new sample
	if f.reads != reads {
		t.Errorf("Idle read the counters again within a quarter window")
	}
	if len(m.samples) > 4 {
		t.Errorf("Meter keeps %d samples, want old ones dropped", len(m.samples))
	}
}

func TestMeterBroken(t *testing.T) {
	m := &Meter{window: time.Second, now: time.Now, read: func() (ticks, int, error) { return ticks{}, 0, errBroken }}
	if m.Idle() != 0 || m.Idle() != 0 {
		t.Error("a Meter that cannot read reports idle CPUs")
	}
}

var errBroken = &testError{}

type testError struct{}

func (*testError) Error() string { return "broken" }

// TestMachine reads this machine's counters: on Linux, the idle CPUs are
// between none and all.
func TestMachine(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("no /proc")
	}
	if _, n, err := readProc(); err != nil || n < 1 {
		t.Fatalf("readProc: %d CPUs, %v", n, err)
	}
	m := New(50 * time.Millisecond)
	m.Idle()
	time.Sleep(60 * time.Millisecond)
	if got := m.Idle(); got < 0 || got > float64(runtime.NumCPU())+0.01 {
		t.Errorf("Idle = %v, want between 0 and %d", got, runtime.NumCPU())
	}
}
