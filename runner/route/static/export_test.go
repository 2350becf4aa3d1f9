package static

import (
	"fmt"
	"slices"
)

// A Feature is an entry of the list of language features newer than
// yaegi's, for the tests of package route_test.
type Feature struct {
	ID, Name string
	Release  int // N of Go 1.N
}

// Features returns the list of language features.
func Features() []Feature {
	var fs []Feature
	for _, f := range features {
		fs = append(fs, Feature{f.id, f.name, f.release})
	}
	return fs
}

// YaegiAPI is the last Go release whose standard library yaegi's tables
// describe.
const YaegiAPI = yaegiAPI

// LanguageVersion is the Go version programs are type-checked as.
const LanguageVersion = languageVersion

// ReadAPI reads the API lists in dir and returns the symbols newer than
// yaegi's tables and the release of each package, each as "KEY go1.N"
// lines in order.
func ReadAPI(dir string) ([]string, error) {
	a, err := readAPI(dir)
	if err != nil {
		return nil, err
	}
	var lines []string
	for k, v := range a.newer {
		lines = append(lines, fmt.Sprintf("symbol %s go1.%d", k, v))
	}
	for k, v := range a.packages {
		lines = append(lines, fmt.Sprintf("package %s go1.%d", k, v))
	}
	slices.Sort(lines)
	return lines, nil
}
