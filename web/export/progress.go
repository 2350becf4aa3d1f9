package export

import (
	"fmt"
	"io"
	"sync"

	"bingfa/runner/check"
	"bingfa/runner/lesson"
	"bingfa/runner/verdict"
)

// A Progress reports the progress of the check an export runs, one line
// per lesson, to a writer (the terminal's standard error). It implements
// check.Observer.
type Progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	done  int
}

// NewProgress returns a Progress writing to w.
func NewProgress(w io.Writer) *Progress { return &Progress{w: w} }

// Start implements check.Observer.
func (p *Progress) Start(blocks int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = blocks
	fmt.Fprintf(p.w, "export: running %d blocks\n", blocks)
}

// Building implements check.Observer.
func (p *Progress) Building(programs int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "export: building %d programs\n", programs)
}

// BlockDone implements check.Observer.
func (p *Progress) BlockDone(r *check.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if r.Status == verdict.Fail {
		fmt.Fprintf(p.w, "export: %s: FAIL (the page shows the failure)\n", r.Lesson.Where(r.Block))
	}
}

// LessonDone implements check.Observer.
func (p *Progress) LessonDone(l *lesson.Lesson, results []*check.Result) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, "export: [%d/%d] %s: %d blocks\n", p.done, p.total, l.Name, len(results))
}
