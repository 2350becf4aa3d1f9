package render

import (
	"regexp"
	"testing"
	"time"

	"bingfa/runner/msg"
)

var axisLabel = regexp.MustCompile(`<text class="tl-time"[^>]*>([^<]*)</text>`)

// TestTimelineLabels checks that no label of the timeline's axis repeats,
// whatever the run's length (rounding makes near ticks read the same).
func TestTimelineLabels(t *testing.T) {
	for _, end := range []time.Duration{
		999 * time.Microsecond, 1001 * time.Microsecond, 1500 * time.Microsecond,
		10049 * time.Microsecond, 1004 * time.Millisecond, 1006 * time.Millisecond,
		2 * time.Second, 2004 * time.Millisecond, 12345 * time.Millisecond,
	} {
		svg := string(timeline([]line{{At: end / 2, Text: "x"}}, end, msg.Zh))
		seen := map[string]bool{}
		for _, m := range axisLabel.FindAllStringSubmatch(svg, -1) {
			if seen[m[1]] {
				t.Errorf("%v: the axis label %q repeats", end, m[1])
			}
			seen[m[1]] = true
		}
		if len(seen) < 2 {
			t.Errorf("%v: %d axis labels", end, len(seen))
		}
	}
}
