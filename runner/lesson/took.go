package lesson

import (
	"fmt"
	"strings"
	"time"
)

// A Bound is a bound on a run's wall time (took=): <MAX, >MIN or
// MIN..MAX. A run outside it is a warning, unless the bound is Hard (it
// ends with !): then the run fails.
type Bound struct {
	Min, Max time.Duration // 0 when not bounded on that side
	Hard     bool
	Text     string // as written, for messages: <3s
}

// Check returns why elapsed is outside the bound, or "".
func (b *Bound) Check(elapsed time.Duration) string {
	switch {
	case b.Max > 0 && elapsed > b.Max:
		return fmt.Sprintf("took %v, more than took=%s allows", elapsed.Round(time.Millisecond), b.Text)
	case elapsed < b.Min:
		return fmt.Sprintf("took %v, less than took=%s asks", elapsed.Round(time.Millisecond), b.Text)
	}
	return ""
}

func parseBound(v string) (*Bound, error) {
	b := &Bound{Text: v}
	s, hard := strings.CutSuffix(v, "!")
	b.Hard = hard
	var err error
	switch {
	case strings.HasPrefix(s, "<"):
		b.Max, err = boundDuration(s[1:])
	case strings.HasPrefix(s, ">"):
		b.Min, err = boundDuration(s[1:])
	case strings.Contains(s, ".."):
		lo, hi, _ := strings.Cut(s, "..")
		if b.Min, err = boundDuration(lo); err == nil {
			b.Max, err = boundDuration(hi)
		}
		if err == nil && b.Min > b.Max {
			err = fmt.Errorf("%s is more than %s", lo, hi)
		}
	default:
		err = fmt.Errorf("want <D, >D or D1..D2, such as <3s (and ! at the end to fail rather than warn)")
	}
	if err != nil {
		return nil, err
	}
	return b, nil
}

func boundDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("want a duration such as 3s or 500ms, not %q", s)
	}
	return d, nil
}

// setTook sets took= of a program, or of one run.
func setTook(f *fenceOpts, v string) error {
	b, err := parseBound(v)
	if err != nil {
		return err
	}
	if f.out != nil {
		f.out.Took = b
	} else {
		f.prog.Took = b
	}
	return nil
}

// TookBound returns the bound on the wall time of b's run: its output
// block's, else its program's; nil for none.
func (b *Block) TookBound() *Bound {
	if b.Out.Took != nil {
		return b.Out.Took
	}
	return b.Opts.Took
}
