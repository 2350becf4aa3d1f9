package lesson

import (
	"fmt"
	"reflect"
	"strings"
)

// fenceOptions parses the options of a fence of kind k. An option may be
// given again, or be implied by another, as long as they agree (race with
// expect=race, exit=66 with expect=race, env=K=V twice): only options that
// contradict each other are errors, at the column of the later one.
func fenceOptions(k Kinds, words []word) (*fenceOpts, []*infoError) {
	f := newFenceOpts(k)
	var errs []*infoError
	first := map[string]word{} // slot -> the word that set it
	alone := map[string]any{}  // slot -> what that word sets on its own
	cols := map[string]int{}   // key -> column of its first word
	for _, w := range words {
		one := newFenceOpts(k)
		if err := parseOption(one, w); err != nil {
			errs = append(errs, &infoError{col: w.col, msg: err.Error()})
			continue
		}
		key, val, _ := w.key()
		s := slot(key, val, k)
		if prev, ok := first[s]; ok {
			if !reflect.DeepEqual(alone[s], one.value()) {
				errs = append(errs, &infoError{col: w.col, msg: fmt.Sprintf("%s contradicts %s", w.raw, prev.raw)})
			}
			continue
		}
		first[s], alone[s] = w, one.value()
		if _, ok := cols[key]; !ok {
			cols[key] = w.col
		}
		parseOption(f, w) // cannot fail: it did not on its own
	}
	if f.prog != nil {
		if key, err := f.prog.check(); err != nil {
			col, ok := cols[key]
			if !ok {
				col = -1
			}
			errs = append(errs, &infoError{col: col, msg: err.Error()})
		}
	}
	return f, errs
}

// slot names what an option sets: two options that set the same slot must
// set it alike. norun and nobuild set the mode (see Option.Slot); each
// env=KEY=... sets its own KEY.
func slot(key, val string, k Kinds) string {
	if key == "env" {
		name, _, _ := strings.Cut(val, "=")
		return "env " + name
	}
	if o := lookup(key, k); o != nil && o.Slot != "" {
		return o.Slot
	}
	return key
}
