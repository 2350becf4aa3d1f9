package lesson

import (
	"slices"
	"strings"
)

// pythonRun reports whether python fence f is a program: its info string
// has the word run. Any other python fence is prose, whatever else its
// info string says.
func pythonRun(f *Fence) bool {
	return slices.Contains(strings.Fields(f.Info)[1:], "run")
}

// python parses a python run fence into a new Block: a Python program,
// with the options of PythonFence, its inputs and data files, as a go
// fence's.
func (ps *parseState) python(f *Fence, names map[string]*Block) *Block {
	ps.pythons++
	return ps.newProgram(f, names, LangPython, PythonFence, ps.pythons)
}
