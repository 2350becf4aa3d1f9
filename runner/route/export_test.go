package route

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
