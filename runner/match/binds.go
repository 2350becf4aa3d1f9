package match

// binds is the set of named values bound so far on one path of the search:
// a persistent list, so that backtracking is free.
type binds struct {
	name, val string
	next      *binds
}

func (b *binds) get(name string) (string, bool) {
	for ; b != nil; b = b.next {
		if b.name == name {
			return b.val, true
		}
	}
	return "", false
}

// holder returns the name, other than a free name, bound to val, or "".
func (b *binds) holder(val string) string {
	for ; b != nil; b = b.next {
		if b.val == val && !free(b.name) {
			return b.name
		}
	}
	return ""
}

func (b *binds) with(name, val string) *binds {
	return &binds{name: name, val: val, next: b}
}

// Map returns the bindings as a map.
func (b *binds) Map() map[string]string {
	m := map[string]string{}
	for ; b != nil; b = b.next {
		m[b.name] = b.val
	}
	return m
}
