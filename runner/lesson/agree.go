package lesson

import (
	"fmt"
	"reflect"
	"strings"
)

// programOptions parses the options of a go fence into o. An option may
// be given again, or be implied by another, as long as they agree (race
// with expect=race, exit=66 with expect=race, env=K=V twice): only options
// that contradict each other are errors, at the column of the later one.
func programOptions(o *Options, words []word) []*infoError {
	var errs []*infoError
	first := map[string]word{}    // slot -> the word that set it
	alone := map[string]Options{} // slot -> what that word sets on its own
	cols := map[string]int{}      // key -> column of its first word
	for _, w := range words {
		one := defaultOptions()
		if err := programOption(&one, w); err != nil {
			errs = append(errs, &infoError{col: w.col, msg: err.Error()})
			continue
		}
		key, val, _ := w.key()
		s := slot(key, val)
		if prev, ok := first[s]; ok {
			if !reflect.DeepEqual(alone[s], one) {
				errs = append(errs, &infoError{col: w.col, msg: fmt.Sprintf("%s contradicts %s", w.raw, prev.raw)})
			}
			continue
		}
		first[s], alone[s] = w, one
		if _, ok := cols[key]; !ok {
			cols[key] = w.col
		}
		programOption(o, w) // cannot fail: it did not on its own
	}
	if key, err := o.check(); err != nil {
		col, ok := cols[key]
		if !ok {
			col = -1
		}
		errs = append(errs, &infoError{col: col, msg: err.Error()})
	}
	return errs
}

// slot names what an option sets: two options that set the same slot must
// set it alike. norun and nobuild set the mode; each env=KEY=... sets its
// own KEY.
func slot(key, val string) string {
	switch key {
	case "norun", "nobuild":
		return "mode"
	case "env":
		k, _, _ := strings.Cut(val, "=")
		return "env " + k
	}
	return key
}
