package sandbox

import (
	"bytes"
	"errors"
	"strconv"
	"time"
)

// The settings (bingfa to the init, the init to the program's parent, a
// stand-in to its init), the report (the program's parent to the init,
// the init to bingfa) and the data files travel in a small encoding of
// their own, not JSON: encoding/json takes a few hundred microseconds to
// learn the settings' type by reflection in each fresh helper process,
// twice a run. Each value is written in the order of its type's code
// method: a number as decimal digits and ';', a boolean as the number 0
// or 1, a string or byte slice as its length and its bytes, a list as its
// length and its elements. Decoding fails on anything else, or on bytes
// left over.

// A coder encodes or decodes the values it is given, in order.
type coder interface {
	int(*int)
	int64(*int64)
	bool(*bool)
	string(*string)
	bytes(*[]byte)
	strings(*[]string)
	files(*[]File)
}

func (s *settings) code(c coder) {
	c.string(&s.Path)
	c.strings(&s.Args)
	c.strings(&s.Env)
	c.int(&s.Passed)
	c.string(&s.Bin)
	c.int(&s.ReportFD)
	c.bool(&s.HostNet)
	c.int64(&s.MaxMemory)
	c.int(&s.MaxTasks)
	c.int64(&s.CPU)
	c.int(&s.GoFD)
	c.int(&s.SignalFD)
	c.int(&s.DataFD)
	c.int(&s.ReadyFD)
	c.int(&s.ReadyPort)
	c.strings(&s.Collect)
	c.int64(&s.MaxCollect)
	c.bool(&s.Root)
	c.bool(&s.Probe)
	c.bool(&s.Parent)
	c.bool(&s.Launch)
	c.strings(&s.Show)
	c.bool(&s.InPlace)
	c.int(&s.ControlFD)
	c.strings(&s.Guests)
	c.strings(&s.GuestBins)
	c.bool(&s.Join)
	c.bool(&s.Guest)
	c.int(&s.LifeFD)
}

func (r *Result) code(c coder) {
	c.int(&r.Exit)
	c.string(&r.Signal)
	d := int64(r.CPU)
	c.int64(&d)
	r.CPU = time.Duration(d)
	c.int(&r.Leftover)
	c.files(&r.Files)
	c.string(&r.Unavailable)
}

// encode returns the encoding of v.
func encode(v interface{ code(coder) }) []byte {
	var e encoder
	v.code(&e)
	return e.b
}

// decode decodes data into v.
func decode(data []byte, v interface{ code(coder) }) error {
	d := decoder{b: data}
	v.code(&d)
	if d.err == nil && len(d.b) > 0 {
		d.err = errTrailing
	}
	return d.err
}

var (
	errTrailing = errors.New("bytes after the encoded value")
	errEncoding = errors.New("malformed encoding")
)

type encoder struct{ b []byte }

func (e *encoder) int64(n *int64) {
	e.b = strconv.AppendInt(e.b, *n, 10)
	e.b = append(e.b, ';')
}

func (e *encoder) int(n *int) {
	v := int64(*n)
	e.int64(&v)
}

func (e *encoder) bool(b *bool) {
	v := 0
	if *b {
		v = 1
	}
	e.int(&v)
}

func (e *encoder) string(s *string) {
	n := len(*s)
	e.int(&n)
	e.b = append(e.b, *s...)
}

func (e *encoder) bytes(p *[]byte) {
	n := len(*p)
	e.int(&n)
	e.b = append(e.b, *p...)
}

func (e *encoder) strings(l *[]string) {
	n := len(*l)
	e.int(&n)
	for i := range *l {
		e.string(&(*l)[i])
	}
}

func (e *encoder) files(l *[]File) {
	n := len(*l)
	e.int(&n)
	for i := range *l {
		e.string(&(*l)[i].Path)
		e.bytes(&(*l)[i].Data)
	}
}

// A decoder reads values until the first error, then reads zeros.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) int64(n *int64) {
	*n = 0
	if d.err != nil {
		return
	}
	i := bytes.IndexByte(d.b, ';')
	if i < 0 {
		d.err = errEncoding
		return
	}
	v, err := strconv.ParseInt(string(d.b[:i]), 10, 64)
	if err != nil {
		d.err = errEncoding
		return
	}
	*n, d.b = v, d.b[i+1:]
}

func (d *decoder) int(n *int) {
	var v int64
	d.int64(&v)
	*n = int(v)
}

func (d *decoder) bool(b *bool) {
	var v int64
	d.int64(&v)
	if v != 0 && v != 1 {
		d.fail()
	}
	*b = v == 1
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errEncoding
	}
}

// length reads a length, which must not be more than the bytes left: a
// list's elements each take one byte at least.
func (d *decoder) length() int {
	var n int64
	d.int64(&n)
	if n < 0 || n > int64(len(d.b)) {
		d.fail()
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

func (d *decoder) raw() []byte {
	n := d.length()
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) string(s *string) { *s = string(d.raw()) }

// bytes decodes a byte slice, empty rather than nil (as a file read).
func (d *decoder) bytes(p *[]byte) {
	if *p = d.raw(); *p == nil {
		*p = []byte{}
	}
}

func (d *decoder) strings(l *[]string) {
	*l = nil
	n := d.length()
	for range n {
		var s string
		d.string(&s)
		*l = append(*l, s)
	}
}

func (d *decoder) files(l *[]File) {
	*l = nil
	n := d.length()
	for range n {
		var f File
		d.string(&f.Path)
		d.bytes(&f.Data)
		*l = append(*l, f)
	}
}
