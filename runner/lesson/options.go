package lesson

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"bingfa/runner/match"
)

// Defaults for program options.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultMaxOutput = 1 << 20 // bytes of stdout and stderr together
	maxTimeout       = 10 * time.Minute
	maxRuns          = 1000
)

// Mode says how far a program block goes: built and run, built only, or
// shown only.
type Mode int

const (
	Run     Mode = iota // built and run; its output is checked
	NoRun               // built, not run
	NoBuild             // shown only: a fragment, never compiled
)

func (m Mode) String() string {
	return [...]string{"run", "norun", "nobuild"}[m]
}

// Engine names accepted by engine=.
const (
	EngineAuto     = "auto"
	EngineCompiled = "compiled"
	EngineYaegi    = "yaegi"
)

// Expect names what must go wrong for a block to pass: a data race, a
// deadlock or a panic. The zero value expects a normal run.
type Expect struct {
	Kind    string // "", "race", "deadlock", "panic" or "signal"
	Message string // for "panic": the panic message, if given; for "signal": its name
}

// ExitStatus returns the exit status a program ends with when it fails as
// expected: 66 for a race (the race detector's), 2 for a deadlock or a
// panic (the Go runtime's), 0 for a normal run.
func (e Expect) ExitStatus() int {
	switch e.Kind {
	case "race":
		return 66
	case "deadlock", "panic":
		return 2
	}
	return 0
}

func (e Expect) String() string {
	if e.Kind == "signal" {
		return "signal:" + e.Message
	}
	if e.Message != "" {
		return fmt.Sprintf("%s:%q", e.Kind, e.Message)
	}
	return e.Kind
}

// Options are the options of a program block (the words after "go").
type Options struct {
	Name      string        // name=; "" means block-N
	Mode      Mode          // norun, nobuild
	Exit      int           // exit=N: expected exit status
	Timeout   time.Duration // timeout=DURATION
	MaxOutput int64         // maxoutput=SIZE: cap on captured bytes
	MaxMemory int64         // maxmemory=SIZE: address-space cap; 0 = default
	Inputs                  // args=, env=, stdin=, stdin-file=
	Serial    bool          // serial: nothing else runs meanwhile
	Engine    string        // engine=auto|compiled|yaegi
	Race      bool          // race: build with -race
	Expect    Expect        // expect=race|deadlock|panic[:"message"]
	Runs      int           // runs=N: run N times
	Distinct  bool          // show=distinct
	Cell      bool          // cell: a notebook cell, not a whole program
	Test      bool          // test: a _test.go file of the program before it
	Server    bool          // server: run for its clients, not alone
	Client    string        // client=SERVER: the server block it is a client of
	Port      int           // port=N: the port a server listens on, its readiness
	Exercise  bool          // exercise: the reader edits it until it matches
	File      string        // file=PATH: the examples/ file this block copies
	NoSandbox bool          // sandbox=off: run without the sandbox
	HostNet   bool          // net=host: the host's network, not loopback only
	Took      *Bound        // took=: a bound on each run's wall time
	Argv0     string        // argv0=NAME: os.Args[0]; "" for the default
	FileName  string        // filename=NAME.go: the source file's name; "" for main.go
	ExitSet   bool          // exit= was given explicitly
	HasOutput bool          // an output block follows (set by the parser)
	Trace     bool          // trace: record an execution trace of each run
}

// OutputOptions are the options of an output block (the words after
// "output").
type OutputOptions struct {
	Name      string         // name=: the name of a further run
	Exit      *int           // exit=N: the exit status of this run, when given
	Took      *Bound         // took=: the bound on this run's wall time, when given
	Expect    *Expect        // expect=: how this run ends, when given
	Inputs                   // the inputs of this run: args=, env=, stdin=...
	Unordered bool           // compare lines as a multiset
	OrderBy   *regexp.Regexp // order-by=REGEXP: partial order by key
	Stream    string         // "" (both), "stdout" or "stderr"
}

// Match returns the options of the output matcher.
func (o OutputOptions) Match() match.Options {
	return match.Options{Unordered: o.Unordered, OrderBy: o.OrderBy}
}

// defaultOptions returns the options of a block that sets none.
func defaultOptions() Options {
	return Options{Timeout: DefaultTimeout, MaxOutput: DefaultMaxOutput, Engine: EngineAuto, Runs: 1}
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._-]*$`)

// autoName matches the names given to blocks without name=.
var autoName = regexp.MustCompile(`^(block-|python-[0-9]+$)`)

func setName(o *Options, v string) error {
	if !nameRE.MatchString(v) {
		return fmt.Errorf("a name is letters, digits, '.', '_' and '-'")
	}
	if autoName.MatchString(v) {
		return fmt.Errorf("names block-N and python-N are given automatically; choose another")
	}
	o.Name = v
	return nil
}

// AnyExit is the Exit of exit=any: the exit status is not checked, for
// a run whose transcript does not show it (a shell's prompt does not).
const AnyExit = -1

func setExit(o *Options, v string) error {
	n, err := strconv.Atoi(v)
	if v == "any" {
		n, err = AnyExit, nil
	} else if err != nil || n < 0 || n > 255 {
		return fmt.Errorf("want an exit status from 0 to 255, or any")
	}
	o.Exit, o.ExitSet = n, true
	return nil
}

func setTimeout(o *Options, v string) error {
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 || d > maxTimeout {
		return fmt.Errorf("want a duration such as 30s, at most %v", maxTimeout)
	}
	o.Timeout = d
	return nil
}

func setMaxOutput(o *Options, v string) error {
	n, err := ParseSize(v)
	if err != nil {
		return err
	}
	o.MaxOutput = n
	return nil
}

func setMaxMemory(o *Options, v string) error {
	n, err := ParseSize(v)
	if err != nil {
		return err
	}
	if n < 1<<30 {
		return fmt.Errorf("want at least 1GiB: a Go program reserves about that much address space when it starts")
	}
	o.MaxMemory = n
	return nil
}

func setArgs(o *Inputs, v string) error {
	args, err := splitArgs(v)
	o.Args, o.ArgsSet = args, true
	return err
}

func addEnv(o *Inputs, v string) error {
	k, _, ok := strings.Cut(v, "=")
	if !ok || k == "" || strings.ContainsAny(k, " \t") {
		return fmt.Errorf("want env=KEY=VALUE")
	}
	o.Env = append(o.Env, v)
	return nil
}

func setEngine(o *Options, v string) error {
	switch v {
	case EngineAuto, EngineCompiled, EngineYaegi:
		o.Engine = v
		return nil
	}
	return fmt.Errorf("want auto, compiled or yaegi")
}

func setExpect(o *Options, v string) error {
	kind, msg, hasMsg := strings.Cut(v, ":")
	switch {
	case kind == "panic":
		if hasMsg && msg == "" {
			return fmt.Errorf(`want expect=panic or expect=panic:"message"`)
		}
	case kind == "signal":
		if err := knownSignal(msg); err != nil {
			return fmt.Errorf("want expect=signal:NAME, NAME one of %s", strings.Join(Signals, ", "))
		}
	case hasMsg:
		return fmt.Errorf("only expect=panic and expect=signal take a message")
	case kind == "race":
		o.Race = true
	case kind != "deadlock":
		return fmt.Errorf("want race, deadlock, panic, panic:\"message\" or signal:NAME")
	}
	o.Expect = Expect{Kind: kind, Message: msg}
	return nil
}

func setRuns(o *Options, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxRuns {
		return fmt.Errorf("want a number of runs from 1 to %d", maxRuns)
	}
	o.Runs = n
	return nil
}

func setShow(o *Options, v string) error {
	if v != "distinct" {
		return fmt.Errorf("want show=distinct")
	}
	o.Distinct = true
	return nil
}

func setFile(o *Options, v string) error {
	if strings.HasPrefix(v, "/") || !strings.HasSuffix(v, ".go") {
		return fmt.Errorf("want a relative path to a .go file, such as ../examples/fork/main.go")
	}
	o.File = v
	return nil
}

// check reports combinations of options that contradict each other or
// have no effect, with the key of the option to blame.
func (o *Options) check() (string, error) {
	if o.Test && (o.Cell || o.Exercise || o.Mode != Run || o.File != "") {
		return "test", fmt.Errorf("a test block cannot be a cell, an exercise, norun, nobuild or a copy of a file")
	}
	if o.Trace && o.Engine == EngineYaegi {
		return "trace", fmt.Errorf("a traced program runs compiled: yaegi cannot record an execution trace")
	}
	if o.Trace && (o.Test || o.Server || o.Client != "") {
		return "trace", fmt.Errorf("trace records a program run alone: not a test block, a server or a client")
	}
	if o.FileName != "" && o.Test != strings.HasSuffix(o.FileName, "_test.go") {
		return "filename", fmt.Errorf("a test block's file name ends with _test.go, and only a test block's")
	}
	if o.Mode == Run {
		if o.Distinct && o.Runs < 2 {
			return "show", fmt.Errorf("show=distinct needs runs=N with N > 1")
		}
		if o.Expect.Kind == "signal" && o.ExitSet {
			return "exit", fmt.Errorf("exit=%s contradicts expect=%s: a program killed by a signal has no exit status", ExitString(o.Exit), o.Expect)
		}
		if want := o.Expect.ExitStatus(); o.Expect.Kind != "" && o.ExitSet && o.Exit != want {
			return "exit", fmt.Errorf("exit=%s contradicts expect=%s, which ends with exit status %d", ExitString(o.Exit), o.Expect.Kind, want)
		}
		return "", nil
	}
	if o.Mode == NoBuild && o.Cell {
		return "cell", fmt.Errorf("a cell cannot be nobuild")
	}
	for _, bad := range []struct {
		set  bool
		name string
	}{
		{o.ExitSet, "exit"}, {o.ArgsSet, "args"}, {len(o.Env) > 0, "env"},
		{o.StdinSet, "stdin"}, {o.StdinFile != "", "stdin-file"}, {o.Signal != "", "signal"},
		{o.Ready != "", "ready"}, {o.After > 0, "after"},
		{o.Runs > 1, "runs"}, {o.Expect.Kind != "", "expect"}, {o.Serial, "serial"},
		{o.Timeout != DefaultTimeout, "timeout"}, {o.Exercise, "exercise"}, {o.Trace, "trace"},
	} {
		if bad.set {
			return bad.name, fmt.Errorf("option %s has no effect on a %s block", bad.name, o.Mode)
		}
	}
	if o.Mode == NoBuild && o.Race {
		return "race", fmt.Errorf("a nobuild block is never built: drop race and engine")
	}
	if o.Mode == NoBuild && o.Engine != EngineAuto {
		return "engine", fmt.Errorf("a nobuild block is never built: drop race and engine")
	}
	return "", nil
}

// ParseSize parses a byte count such as 4096, 64KiB, 1MiB or 2MB.
func ParseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("want a size such as 65536, 64KiB or 1MiB")
	}
	return n * mult, nil
}

// Inputs are what a run is given: its arguments, environment and
// standard input. A program block's inputs are those of every run; an
// output block's are those of its run, and override them.
type Inputs struct {
	Args      []string // args="..."
	ArgsSet   bool     // args= was given (it may be empty)
	Env       []string // env=KEY=VALUE, repeatable
	Stdin     string   // stdin="..." or a stdin block: the standard input
	StdinSet  bool     // Stdin was given
	StdinFile string   // stdin-file=PATH: a data file is the standard input
	// Signal (signal=SIGINT) is sent to the running program once its
	// output contains Ready (ready=), if given, and After (after=) has
	// passed since then, or since the start.
	Signal string
	Ready  string
	After  time.Duration
}

// Merge returns the inputs of a run: in's, with the run's own (run)
// overriding them: its arguments, standard input, signal and when to
// send it (ready= and after= together) replace the program's, and its
// variables come after the program's (they win).
func (in Inputs) Merge(run Inputs) Inputs {
	if run.ArgsSet {
		in.Args, in.ArgsSet = run.Args, true
	}
	if run.StdinSet || run.StdinFile != "" {
		in.Stdin, in.StdinSet, in.StdinFile = run.Stdin, run.StdinSet, run.StdinFile
	}
	in.Env = append(append([]string(nil), in.Env...), run.Env...)
	if run.Signal != "" {
		in.Signal = run.Signal
	}
	if run.Ready != "" || run.After > 0 { // when to send it
		in.Ready, in.After = run.Ready, run.After
	}
	return in
}

func setStdin(o *Inputs, v string) error {
	o.Stdin, o.StdinSet = v+"\n", true
	return nil
}

func setStdinFile(o *Inputs, v string) error {
	if err := checkDataPath(v); err != nil {
		return err
	}
	o.StdinFile = v
	return nil
}

func setArgv0(o *Options, v string) error {
	o.Argv0 = v
	return nil
}

var fileNameRE = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9._+-]*\.go$`)

func setFileName(o *Options, v string) error {
	if !fileNameRE.MatchString(v) {
		return fmt.Errorf("want the name of a Go file, such as logging.go (not a path)")
	}
	o.FileName = v
	return nil
}

func setSandbox(o *Options, v string) error {
	if v != "off" {
		return fmt.Errorf("want sandbox=off")
	}
	o.NoSandbox = true
	return nil
}

func setNet(o *Options, v string) error {
	if v != "host" {
		return fmt.Errorf("want net=host")
	}
	o.HostNet = true
	return nil
}

// ExitString returns the value of exit= for the exit status n.
func ExitString(n int) string {
	if n == AnyExit {
		return "any"
	}
	return strconv.Itoa(n)
}
