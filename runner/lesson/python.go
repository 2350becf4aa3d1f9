package lesson

import "strings"

// pythonRun reports whether python fence f is a program: its info string
// has the word run. Any other python fence is prose, whatever else its
// info string says.
func pythonRun(f *Fence) bool {
	words := strings.Fields(f.Info)
	for _, w := range words[1:] {
		if w == "run" {
			return true
		}
	}
	return false
}

// python parses a python run fence into a new Block: a Python program,
// with the options of PythonFence, its inputs and data files, as a go
// fence's.
func (ps *parseState) python(f *Fence, names map[string]*Block) *Block {
	ps.pythons++
	b := &Block{Index: ps.pythons, Code: f, Lang: LangPython}
	ps.l.Blocks = append(ps.l.Blocks, b)
	b.Opts = *ps.options(f, PythonFence).prog
	ps.name(b, names)
	ps.filesOf(b)
	ps.inputFile(b, f, b.Opts.Inputs)
	return b
}
