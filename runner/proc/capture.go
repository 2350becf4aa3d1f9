package proc

import (
	"io"
	"os"
	"os/exec"
	"sync"
	"time"

	"bingfa/runner/engine"
)

// A capture collects a program's output as events, up to a cap.
type capture struct {
	mu     sync.Mutex
	start  time.Time
	max    int64
	total  int64
	events []engine.Event
	emit   func(engine.Event)
	full   chan struct{} // closed when the cap is reached
	once   sync.Once
}

func newCapture(max int64, emit func(engine.Event)) *capture {
	if max <= 0 {
		max = 1 << 20
	}
	return &capture{max: max, emit: emit, full: make(chan struct{})}
}

// add records data read from stream s. Past the cap, the rest is dropped
// and full is closed.
func (c *capture) add(s engine.Stream, data []byte) {
	t := time.Since(c.start)
	c.mu.Lock()
	defer c.mu.Unlock()
	room := c.max - c.total
	if room <= 0 {
		return
	}
	if int64(len(data)) > room {
		data = data[:room]
		c.once.Do(func() { close(c.full) })
	}
	c.total += int64(len(data))
	e := engine.Event{Stream: s, Time: t, Data: append([]byte(nil), data...)}
	c.events = append(c.events, e)
	if c.emit != nil {
		c.emit(e)
	}
	if c.total >= c.max {
		c.once.Do(func() { close(c.full) })
	}
}

// pipes are the read and write ends given to a child for its output.
type pipes struct {
	readers []*os.File
	writers []*os.File
	streams []engine.Stream
}

// attach creates the output pipes of cmd: one shared by stdout and stderr,
// so that their order is exactly the order of the writes, or, when split,
// one each.
func (c *capture) attach(cmd *exec.Cmd, split bool) (*pipes, error) {
	p := &pipes{}
	streams := []engine.Stream{engine.Output}
	if split {
		streams = []engine.Stream{engine.Stdout, engine.Stderr}
	}
	for _, s := range streams {
		r, w, err := os.Pipe()
		if err != nil {
			p.closeReaders()
			p.closeWriters()
			return nil, err
		}
		p.readers, p.writers, p.streams = append(p.readers, r), append(p.writers, w), append(p.streams, s)
	}
	cmd.Stdout = p.writers[0]
	cmd.Stderr = p.writers[len(p.writers)-1]
	return p, nil
}

func (p *pipes) closeWriters() {
	for _, w := range p.writers {
		w.Close()
	}
}

func (p *pipes) closeReaders() {
	for _, r := range p.readers {
		r.Close()
	}
}

// read starts a reader per pipe; the returned channel is closed when all
// have reached the end of their pipe.
func (p *pipes) read(c *capture) <-chan struct{} {
	var wg sync.WaitGroup
	for i, r := range p.readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			readAll(r, p.streams[i], c)
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

func readAll(r io.Reader, s engine.Stream, c *capture) {
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			c.add(s, buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// drain waits for the readers to finish, at most grace, then closes the
// pipes, which ends readers blocked by a process that still holds them.
func (p *pipes) drain(done <-chan struct{}, grace time.Duration) {
	select {
	case <-done:
	case <-time.After(grace):
	}
	p.closeReaders()
	<-done
}
