package term

import (
	"bingfa/runner/lesson"
	"bingfa/runner/msg"
)

// lang returns the language of the lesson being read: its own front
// matter lang, else the reader's.
func (r *Reader) lang() msg.Lang {
	if r.lesson != nil && r.lesson.Lang != "" {
		return msg.Parse(r.lesson.Lang)
	}
	if r.Lang == "" {
		return msg.Default
	}
	return r.Lang
}

// t returns a message of the catalogue in the lesson's language.
func (r *Reader) t(key string, args ...any) string { return r.lang().T(key, args...) }

// count counts a block that did not pass: an exercise is not done yet,
// which is not a failure (the reader has not solved it); any other block
// failed.
func (r *Reader) count(b *lesson.Block) {
	if b.Opts.Exercise {
		r.todo++
		return
	}
	r.failed++
}
