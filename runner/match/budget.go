package match

import "fmt"

// The budget of one match bounds both the steps of the search and the work
// done in them, so that expected output whose {{...}} and {{any}} allow
// too many alignments fails with a message instead of running for ever.
// Steps alone are not enough: one step can compare a long literal against
// a long line, and {{any}} before a 100 KB literal on a 1 MB line once
// took minutes within the step bound.
const (
	maxSteps = 2_000_000 // lines and placeholders tried
	maxWork  = 256 << 20 // bytes compared or searched
)

// newMatcher returns a matcher with the pattern's budget.
func (p *Pattern) newMatcher(allowSoft bool) *matcher {
	m := &matcher{allowSoft: allowSoft, maxWork: maxWork}
	if p.maxWork > 0 {
		m.maxWork = p.maxWork
	}
	return m
}

// tick counts a step and reports whether the budget is spent.
func (m *matcher) tick() bool {
	m.steps++
	return m.over()
}

// spend counts n bytes compared or searched.
func (m *matcher) spend(n int) {
	m.work += n
}

// over reports whether the budget is spent.
func (m *matcher) over() bool {
	return m.steps > maxSteps || m.work > m.maxWork
}

// overFailure explains a match that spent its budget, or returns nil.
func (m *matcher) overFailure(unordered bool) *Failure {
	switch {
	case m.work > m.maxWork:
		return &Failure{Msg: fmt.Sprintf("the expected output allows too many alignments to check: matching compared more than %s of text ({{...}} and {{any}} before long text on long lines): make it more specific", bytes(m.maxWork))}
	case m.steps <= maxSteps:
		return nil
	case unordered:
		return &Failure{Msg: "the expected lines can be paired with the output's in too many ways to check (unordered, with placeholders): make them more specific"}
	}
	return &Failure{Msg: "the expected output allows too many alignments to check ({{...}} and {{any}}): make it more specific"}
}

// bytes writes a byte count for messages: 256 MiB, 4096 bytes.
func bytes(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}
