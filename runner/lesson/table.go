package lesson

import (
	"fmt"
	"slices"
	"strings"
)

// Kinds is a set of fence kinds that take options.
type Kinds uint8

// The fence kinds that take options.
const (
	ProgramFence Kinds = 1 << iota // go
	OutputFence                    // output: the expected output of a run
	FileFence                      // file: a data file, or a file a run must write
	StdinFence                     // stdin: the standard input of a run
	PythonFence                    // python run: a Python program, run with python3
)

// kindNames are the info-string words of the fence kinds, in bit order.
var kindNames = []string{"go", "output", "file", "stdin", "python"}

// String returns the word that opens a fence of kind k ("go", "output").
func (k Kinds) String() string {
	var names []string
	for i, n := range kindNames {
		if k&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// An Option is one row of the options table: an option of some fence
// kinds, how it is written, what it means, and how it is parsed. The
// parser, its error messages ("known: ...", "did you mean ...?") and the
// option tables of docs/format.md all come from this table, so adding an
// option is adding a row here (and the field it sets); TestFormatDoc then
// asks for `go test ./runner/lesson -update` to rewrite the docs.
type Option struct {
	Name  string // the key: exit, order-by
	Kinds Kinds  // the fences it may follow
	Value string // its value as the docs write it (N, DURATION); "" for a bare word
	// Slot, when not empty, is what the option sets when another option
	// sets it too (norun and nobuild both set the mode): two options of
	// one slot must agree. Empty means the option's own name.
	Slot   string
	En, Zh string // one line of Markdown documentation in each language
	set    func(f *fenceOpts, v string) error
}

// Usage returns the option as the docs write it: race, exit=N.
func (o *Option) Usage() string {
	if o.Value == "" {
		return o.Name
	}
	return o.Name + "=" + o.Value
}

// Options returns the rows of the options table that apply to fences of
// kind k, in the order of the table.
func OptionsOf(k Kinds) []*Option {
	var out []*Option
	for i := range optionTable {
		if optionTable[i].Kinds&k != 0 {
			out = append(out, &optionTable[i])
		}
	}
	return out
}

// lookup returns the row of option name for fence kind k, or nil.
func lookup(name string, k Kinds) *Option {
	for i := range optionTable {
		if o := &optionTable[i]; o.Name == name && o.Kinds&k != 0 {
			return o
		}
	}
	return nil
}

// knownNames returns the names of the options of kind k, sorted.
func knownNames(k Kinds) []string {
	var names []string
	for _, o := range OptionsOf(k) {
		names = append(names, o.Name)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// unknownOption explains an option that fences of kind k do not have:
// the options they have, and the one probably meant (a near spelling, or
// the same option of another fence kind).
func unknownOption(key string, k Kinds) error {
	noun := k.String()
	switch k {
	case ProgramFence:
		noun = "program"
	case PythonFence:
		noun = "python program"
	}
	msg := fmt.Sprintf("unknown %s option %q (known: %s)", noun, key, strings.Join(knownNames(k), ", "))
	if s := suggest(key, k); s != "" {
		msg += "; " + s
	}
	return fmt.Errorf("%s", msg)
}

// suggest returns a hint for an unknown option key of kind k, or "".
func suggest(key string, k Kinds) string {
	for i := range optionTable {
		if o := &optionTable[i]; o.Name == key {
			if k == PythonFence && o.Kinds&ProgramFence != 0 {
				return fmt.Sprintf("%s is an option of Go programs only", key)
			}
			return fmt.Sprintf("%s is an option of %s fences", key, o.Kinds)
		}
	}
	if best := Nearest(key, knownNames(k)); best != "" {
		return fmt.Sprintf("did you mean %s?", best)
	}
	return ""
}

// Nearest returns the word of known (in lower case) nearest to s, when
// one is at most two edits away, else "".
func Nearest(s string, known []string) string {
	best, dist := "", 3
	for _, k := range known {
		if d := EditDistance(strings.ToLower(s), k); d < dist {
			best, dist = k, d
		}
	}
	return best
}

// parseOption parses one word of a fence of kind f.kind into f.
func parseOption(f *fenceOpts, w word) error {
	key, val, hasVal := w.key()
	o := lookup(key, f.kind)
	switch {
	case o == nil:
		return unknownOption(key, f.kind)
	case o.Value == "" && hasVal:
		return fmt.Errorf("option %s takes no value", key)
	case o.Value == "":
		return o.set(f, "")
	case !hasVal || val == "":
		return fmt.Errorf("option %s needs a value: %s", key, o.Usage())
	}
	if err := o.set(f, val); err != nil {
		return fmt.Errorf("bad %s=%s: %v", key, val, err)
	}
	return nil
}
