// Command worker is the yaegi engine's worker (package yaegi): it runs
// one program with the Go interpreter github.com/traefik/yaegi and exits
// with the program's status, speaking package protocol with the engine.
//
// It is its own small command so that bingfa itself does not link the
// interpreter, whose symbol tables are most of a cold build of bingfa:
// the engine builds it on first need from its sources embedded in bingfa
// (see package yaegi). Started with the single argument -protocol, it
// prints the protocol's handshake and exits. Started with the single
// argument -static (and BINGFA_WORKER=static), it is the static check's
// process instead (package route/static; see package protocol), which
// runs no program: the static check needs go/types, which this command
// links anyway (yaegi's tables include it) and bingfa does not.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"syscall"
	"time"

	"bingfa/runner/yaegi/protocol"

	"github.com/traefik/yaegi/interp"
)

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-protocol" {
		fmt.Print(protocol.Handshake())
		return
	}
	if len(os.Args) == 2 && os.Args[1] == protocol.StaticArg && os.Getenv(protocol.WorkerEnv) == "static" {
		os.Exit(serveStatic())
	}
	if os.Getenv(protocol.WorkerEnv) != "yaegi" {
		fmt.Fprintln(os.Stderr, "bingfa's yaegi worker: started by the yaegi engine only")
		os.Exit(2)
	}
	os.Exit(serve())
}

// serve runs the worker: it loads the interpreter, waits for the request,
// runs the program and returns the exit status.
func serve() int {
	syscall.CloseOnExec(protocol.RequestFD)
	syscall.CloseOnExec(protocol.ReportFD)
	reqFile := os.NewFile(protocol.RequestFD, "request")
	rep := os.NewFile(protocol.ReportFD, "report")
	if reqFile == nil || rep == nil {
		fmt.Fprintln(os.Stderr, "bingfa: yaegi worker started without its descriptors")
		return 125
	}
	var args []string
	in, l, err := newInterpreter(&args)
	if err != nil {
		protocol.WriteReport(rep, protocol.Report{Broken: err.Error()})
		return 125
	}
	var req protocol.Request
	if err := json.NewDecoder(reqFile).Decode(&req); err != nil {
		protocol.WriteReport(rep, protocol.Report{Broken: "bad request: " + err.Error()})
		return 125
	}
	reqFile.Close()
	_, _ = rep.Write([]byte{protocol.Ready})
	if err := setup(&req, &args); err != nil {
		protocol.WriteReport(rep, protocol.Report{Broken: err.Error()})
		return 125
	}
	return execute(in, l, req.Source, rep)
}

// newInterpreter returns an unrestricted interpreter writing to the real
// standard output and error, whose os.Args is *args, with the base
// packages loaded, and the loader of its other packages.
func newInterpreter(args *[]string) (*interp.Interpreter, *loader, error) {
	in := interp.New(interp.Options{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Unrestricted: true,
	})
	// Loading fmt makes yaegi replace log and flag with its own copies
	// (a logger of its own, a flag set that panics); the real ones write
	// to the same descriptors and behave as in a compiled program.
	l, err := newLoader(in, nativeSymbols(args))
	if err != nil {
		return nil, nil, fmt.Errorf("loading symbols: %v", err)
	}
	return in, l, nil
}

// setup gives the process the program's directory, environment and
// arguments.
func setup(req *protocol.Request, args *[]string) error {
	if err := os.Chdir(req.Dir); err != nil {
		return err
	}
	os.Clearenv()
	for _, kv := range req.Env {
		k, v, _ := cutEnv(kv)
		if err := os.Setenv(k, v); err != nil {
			return err
		}
	}
	*args = req.Args
	os.Args = req.Args
	// The worker's own packages registered flags on the command line's
	// flag set (testing/quick's -quickchecks, the test binary's -test.*):
	// the program gets an empty one, as a compiled program has.
	flag.CommandLine = flag.NewFlagSet(req.Args[0], flag.ExitOnError)
	flag.CommandLine.Usage = func() { flag.Usage() }
	time.Local = localZone()
	return nil
}

// localZone returns the local time zone as a Go program started with the
// current environment finds it (time's initLocal): from TZ, or
// /etc/localtime when TZ is not set, or else UTC. The worker's own was
// set from the environment it started with.
func localZone() *time.Location {
	tz, set := os.LookupEnv("TZ")
	tz = strings.TrimPrefix(tz, ":")
	var loc *time.Location
	var err error
	switch {
	case !set:
		loc, err = zoneFile("Local", "/etc/localtime")
	case strings.HasPrefix(tz, "/"):
		loc, err = zoneFile(tz, tz)
	case tz != "" && tz != "UTC":
		loc, err = time.LoadLocation(tz)
	}
	if loc == nil || err != nil {
		return time.FixedZone("UTC", 0)
	}
	return loc
}

// zoneFile loads a time zone from a file.
func zoneFile(name, path string) (*time.Location, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return time.LoadLocationFromTZData(name, data)
}

// cutEnv splits KEY=VALUE; a leading "=" belongs to the key (Windows-style
// variables such as "=C:").
func cutEnv(kv string) (k, v string, ok bool) {
	for i := 1; i < len(kv); i++ {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}

// execute compiles and runs the program and returns its exit status. A
// compile error or a failure of the interpreter goes to rep; a panic of
// the program is printed as Go prints it.
func execute(in *interp.Interpreter, l *loader, src string, rep *os.File) int {
	log.SetOutput(io.Discard) // yaegi logs its own panics while compiling
	prog, err := compile(in, l, src)
	log.SetOutput(os.Stderr)
	var broken *brokenError
	switch {
	case errors.As(err, &broken):
		protocol.WriteReport(rep, protocol.Report{Broken: broken.msg, Compiling: true})
		return 125
	case err != nil:
		protocol.WriteReport(rep, protocol.Report{Diags: protocol.ParseDiags(err.Error()), Compiling: true})
		return 125
	}
	_, err = in.Execute(prog)
	var p interp.Panic
	switch {
	case errors.As(err, &p):
		printPanic(os.Stderr, p.Value)
		return 2
	case err != nil:
		protocol.WriteReport(rep, protocol.Report{Broken: err.Error()})
		return 125
	}
	return 0
}

// A brokenError is a panic of the interpreter while compiling.
type brokenError struct{ msg string }

func (e *brokenError) Error() string { return e.msg }

// compile loads the packages src needs and compiles it, turning a panic
// of the interpreter, or its failure to load them, into a *brokenError.
func compile(in *interp.Interpreter, l *loader, src string) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, &brokenError{fmt.Sprintf("panic while compiling: %v", r)}
		}
	}()
	if err := l.load(src); err != nil {
		return nil, &brokenError{"loading symbols: " + err.Error()}
	}
	if err := compileGenerics(in, src); err != nil {
		return nil, &brokenError{"compiling the generic packages: " + err.Error()}
	}
	return in.Compile(src)
}

// printPanic prints an unrecovered panic the way the Go runtime begins to.
func printPanic(w io.Writer, v any) {
	msg := fmt.Sprint(v)
	if e, ok := v.(error); ok {
		msg = e.Error()
	}
	fmt.Fprintf(w, "panic: %s\n\ngoroutine 1 [running]:\nmain.main()\n\t(interpreted by yaegi)\n", msg)
}
