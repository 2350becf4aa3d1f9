// Package protocol is what the yaegi engine (package yaegi) and its
// worker (the command runner/yaegi/worker) say to each other: the worker
// reads one Request as JSON from descriptor RequestFD until end of file,
// writes the byte Ready to descriptor ReportFD, and then at most one
// Report (JSON) before it exits.
//
// A worker started with the single argument -protocol prints Banner
// followed by Version and exits: the engine checks it before it uses a
// worker binary, so that a binary speaking another version of this
// protocol is never sent a program.
//
// Started with the single argument StaticArg and WorkerEnv set to
// "static", a worker is instead the static check's process (package
// route/static): it runs no program, is not sandboxed, and lives as long
// as the process that started it. It reads a StaticConfig, then
// StaticRequests, from its standard input, one JSON value a line, and
// writes one StaticAnswer a line for each request (with its ID), in the
// order they are answered, to its standard output; at the end of its
// input it stops its go lists and exits.
//
// This package links nothing of the interpreter: both sides import it.
package protocol

import (
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// Version is the version of this protocol: change it with any change of
// the request, the report, the descriptors or the static check's
// messages. Version 2 added the static check's process.
const Version = 2

// Banner begins the worker's answer to -protocol: Banner, Version and a
// newline.
const Banner = "bingfa-yaegi-worker protocol "

// Handshake is the worker's whole answer to -protocol.
func Handshake() string { return Banner + strconv.Itoa(Version) + "\n" }

// WorkerEnv is the variable that a worker must find set to "yaegi": a
// worker started by mistake without it runs nothing.
const WorkerEnv = "BINGFA_WORKER"

// Descriptors of the worker's side channels.
const (
	RequestFD = 3
	ReportFD  = 4
)

// A Request is one program for a worker to run.
type Request struct {
	Source string
	Args   []string // os.Args, the program's name first
	Env    []string // the whole environment
	Dir    string   // the working directory
}

// A Report is what a worker says when the program did not run to its end
// because of the interpreter: exactly one of Diags (a compile error) and
// Broken (the interpreter failed) is set.
type Report struct {
	Diags  []Diag `json:",omitempty"`
	Broken string `json:",omitempty"`
	// Compiling says the program never started: anything it printed was
	// the interpreter's.
	Compiling bool `json:",omitempty"`
}

// A Diag is one compile error at a source position.
type Diag struct {
	Line, Col int
	Msg       string
}

// MaxReport bounds a report, which must fit in a pipe's buffer.
const MaxReport = 32 << 10

// Ready is the byte a worker writes first on its report descriptor, once
// it has its request: a process that does not is no worker.
const Ready = 'R'

// diagRE matches one line of a yaegi compile error: "_.go:3:5: msg" or
// "3:5: msg".
var diagRE = regexp.MustCompile(`^(?:.*?:)?(\d+):(\d+): (.*)$`)

// ParseDiags splits a compile error into diagnostics.
func ParseDiags(msg string) []Diag {
	var ds []Diag
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		m := diagRE.FindStringSubmatch(l)
		if m == nil {
			ds = append(ds, Diag{Msg: l})
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		ds = append(ds, Diag{Line: line, Col: col, Msg: m[3]})
	}
	return ds
}

// WriteReport writes r to w (the report descriptor), shortened to fit.
func WriteReport(w io.Writer, r Report) {
	if len(r.Diags) > 20 {
		r.Diags = r.Diags[:20]
	}
	if len(r.Broken) > MaxReport/2 {
		r.Broken = r.Broken[:MaxReport/2]
	}
	b, _ := json.Marshal(r)
	_, _ = w.Write(b)
}

// StaticArg is the argument that starts a worker as the static check's
// process.
const StaticArg = "-static"

// A StaticConfig is the first line the static check's process reads: how
// its go list runs (see static.Config).
type StaticConfig struct {
	GoFlags []string
	GoEnv   []string
	// WorkDir is a directory under which each go list gets a directory
	// of its own for go's temporary files, removed when it ends; "" for
	// go's default.
	WorkDir string
	// ExportsFile keeps where go list found export data from one
	// process to the next (static.Config.ExportsFile); "" for none.
	ExportsFile string
}

// Operations of a StaticRequest.
const (
	OpCheck   = "check"   // the static check of Source
	OpPreload = "preload" // find the type information Sources import
	OpWarm    = "warm"    // find the type information of common packages
)

// A StaticRequest asks the static check's process for one operation.
type StaticRequest struct {
	ID      uint64
	Op      string
	Source  string   `json:",omitempty"` // OpCheck
	Sources []string `json:",omitempty"` // OpPreload
	// Background marks background work's request (engine.Background): its
	// go list runs at the lowest priority.
	Background bool `json:",omitempty"`
}

// A StaticAnswer answers the request with its ID: a check's finding (see
// static.Finding); OpPreload and OpWarm are answered when done, with no
// finding.
type StaticAnswer struct {
	ID     uint64
	Yaegi  bool   `json:",omitempty"`
	Reason string `json:",omitempty"`
	Line   int    `json:",omitempty"`
	Err    string `json:",omitempty"` // the request was not understood
}
