package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A target is a limit that issue 23 ("fast from the first second") sets
// on a measurement.
type target struct {
	Key, What string
	Limit     time.Duration
}

var targets = []target{
	{"clone-page", "fresh clone, empty GOCACHE and bingfa cache: `go run .` to the first page", 25 * time.Second},
	{"first-compiled", "edited compiled block on a server started 1 s earlier: first output", time.Second},
	{"warm-interp", "edited yaegi-eligible block, warm: first output", 30 * time.Millisecond},
	{"first-interp", "edited yaegi-eligible block, first after start (worker being built): first output", time.Second},
	{"gotest-warm", "`go test -count=1 ./...`, warm", 45 * time.Second},
	{"gotest-cold", "`go test -count=1 ./...`, cold", 4 * time.Minute},
}

// writeTargets writes the targets measured in this run, and the
// breakdowns of a cold build and of go test.
func (b *bench) writeTargets(s *strings.Builder) {
	var rows []string
	for _, t := range targets {
		d := b.get(t.Key)
		if d == 0 {
			continue
		}
		met := map[bool]string{true: "yes", false: "**no**"}[d <= t.Limit]
		rows = append(rows, fmt.Sprintf("| %s | %s | ≤ %s | %s |\n", t.What, seconds(d), seconds(t.Limit), met))
	}
	if len(rows) > 0 {
		s.WriteString("\n## Start-up targets\n\n| target | measured | limit | met |\n|---|---|---|---|\n")
		s.WriteString(strings.Join(rows, ""))
	}
	writeShares(s, "Where a cold build of bingfa spends its time", "action (go build -debug-actiongraph)", b.buildShares)
	writeShares(s, "Where go test ./... spends its time", "package (go test -json)", b.testShares)
}

// sharesShown is how many parts a breakdown lists.
const sharesShown = 12

func writeShares(s *strings.Builder, title, what string, shares []share) {
	if len(shares) == 0 {
		return
	}
	var sum time.Duration
	for _, sh := range shares {
		sum += sh.Took
	}
	timed := shares[0].End > 0
	fmt.Fprintf(s, "\n### %s\n\n%d parts, %s in all (summed: parts run in parallel).", title, len(shares), seconds(sum))
	if timed {
		last := slices.MaxFunc(shares, func(a, b share) int { return cmp.Compare(a.End, b.End) })
		fmt.Fprintf(s, " The last to end was %s, from %.1f s to %.1f s.", last.Name, last.Start.Seconds(), last.End.Seconds())
	}
	fmt.Fprintf(s, " The %d longest:\n\n", min(sharesShown, len(shares)))
	if timed {
		fmt.Fprintf(s, "| %s | seconds | from s | to s |\n|---|---|---|---|\n", what)
	} else {
		fmt.Fprintf(s, "| %s | seconds |\n|---|---|\n", what)
	}
	for _, sh := range shares[:min(sharesShown, len(shares))] {
		if timed {
			fmt.Fprintf(s, "| %s | %.2f | %.1f | %.1f |\n", sh.Name, sh.Took.Seconds(), sh.Start.Seconds(), sh.End.Seconds())
		} else {
			fmt.Fprintf(s, "| %s | %.2f |\n", sh.Name, sh.Took.Seconds())
		}
	}
}

// seconds formats a duration in seconds, or in milliseconds below one.
func seconds(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
