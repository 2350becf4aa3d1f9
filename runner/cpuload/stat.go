package cpuload

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// ticks are the counters of a set of CPUs: ticks spent idle (idle and
// iowait) and in all.
type ticks struct {
	idle, total uint64
}

// parseStat sums the counters of the CPUs in allowed (all when nil) from
// the text of /proc/stat, and returns them with the number of CPUs counted.
func parseStat(data []byte, allowed map[int]bool) (ticks, int, error) {
	var t ticks
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 || !strings.HasPrefix(fields[0], "cpu") || fields[0] == "cpu" {
			continue
		}
		id, err := strconv.Atoi(fields[0][3:])
		if err != nil {
			return ticks{}, 0, fmt.Errorf("/proc/stat: bad line %q", sc.Text())
		}
		if allowed != nil && !allowed[id] {
			continue
		}
		// user nice system idle iowait irq softirq steal [guest guest_nice]:
		// guest time is already counted in user and nice.
		for i, f := range fields[1:min(len(fields), 9)] {
			v, err := strconv.ParseUint(f, 10, 64)
			if err != nil {
				return ticks{}, 0, fmt.Errorf("/proc/stat: bad line %q", sc.Text())
			}
			t.total += v
			if i == 3 || i == 4 {
				t.idle += v
			}
		}
		n++
	}
	if n == 0 {
		return ticks{}, 0, fmt.Errorf("/proc/stat: no counters for the allowed CPUs")
	}
	return t, n, sc.Err()
}

// parseAllowed returns the CPUs of the Cpus_allowed_list line of
// /proc/self/status (such as "0-3,8,10-11"), or nil when there is none.
func parseAllowed(status []byte) (map[int]bool, error) {
	for line := range strings.Lines(string(status)) {
		list, ok := strings.CutPrefix(line, "Cpus_allowed_list:")
		if !ok {
			continue
		}
		return parseList(strings.TrimSpace(list))
	}
	return nil, nil
}

// parseList parses a kernel CPU list such as "0-3,8".
func parseList(list string) (map[int]bool, error) {
	cpus := map[int]bool{}
	for part := range strings.SplitSeq(list, ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(lo)
		if err != nil {
			return nil, fmt.Errorf("bad CPU list %q", list)
		}
		b := a
		if isRange {
			if b, err = strconv.Atoi(hi); err != nil || b < a {
				return nil, fmt.Errorf("bad CPU list %q", list)
			}
		}
		for c := a; c <= b; c++ {
			cpus[c] = true
		}
	}
	return cpus, nil
}
