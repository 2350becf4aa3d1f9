// Package route decides which engine runs each program block: the yaegi
// interpreter, when a static check finds nothing in the block that the
// interpreter is known to get wrong, or else the compiled engine, the
// authority on what a program prints.
//
// # The static check
//
// A block goes to yaegi only if it parses and type-checks (go/types) and
// none of these is true; the first one found is the reason given:
//
//   - it imports a package that yaegi's standard-library tables lack, or
//     uses a symbol they lack (they stop at Go 1.22), or a package that
//     acts on the host process: runtime, syscall, unsafe, os/signal;
//   - it ranges over an integer or a function, or calls min, max or
//     clear (Go 1.21 and 1.22 features yaegi does not have);
//   - a loop's condition compares with a constant of a million or more
//     (yaegi runs loops about 60 times slower);
//   - a function literal refers to a loop variable, or its address is
//     taken (yaegi has no per-iteration loop variables);
//   - it declares a generic type or function, or calls one;
//   - it defines a method that the standard library finds by reflection
//     or interface conversion (String, Error, MarshalJSON, Is, ..., or
//     any method or named type when it imports encoding/json,
//     encoding/xml or a template package), imports reflect or
//     encoding/gob or log/slog, declares a struct with tags or embedded
//     fields, asserts or switches to an interface type or to a type of
//     the program, or turns a value of a named type of the program with a
//     basic underlying type (type key string) into an interface value:
//     yaegi's types do not carry names, methods and fields as the
//     compiler's do;
//   - it divides integer constants into a floating-point constant
//     (const third float64 = 1 / 3 is 0; yaegi divides as floats), or
//     has a string literal that is not UTF-8 (yaegi ranges over it
//     differently), or an element {...} of a composite literal that
//     stands for &T{...} (yaegi panics);
//   - it calls something that measures or re-executes the process
//     (os.Executable, os.Getpid, os.Getppid, time.Now, time.Since,
//     time.Until) or prints the caller's file (log.Lshortfile,
//     log.Llongfile), uses recover (yaegi prints the panics it unwinds),
//     print or println (yaegi writes them to stdout), formats with %T,
//     %#v or %+v (type and field names differ), names a path under
//     /proc (it would read the worker's), runs select in a goroutine,
//     or starts a goroutine from a function literal inside a loop (a
//     race in yaegi: about 1 run in 500 calls a nil function);
//   - a deferred call's function, receiver or arguments, or a go
//     statement's function or receiver, may change between the statement
//     and the call (yaegi evaluates them late): anything but constants,
//     functions, addresses and variables never assigned again (for a
//     method on *T, the receiver's address must not change: defer
//     c.mu.Unlock() is fine); or it
//     uses a method value (x.m not called at once) or a method expression
//     (T.m);
//   - it uses os.Args with its first element, the executable's name
//     (os.Args[1:], os.Args[i] for a constant i >= 1 and len(os.Args)
//     are fine);
//   - its options ask for the race detector, an expected failure
//     (expect=), exit status 2 (a Go runtime failure), several runs
//     (runs=), serial (timing-sensitive blocks), or set a GO...
//     environment variable (GOMAXPROCS, GODEBUG: the worker's runtime
//     has already started), or give it data files or standard input
//     (the worker runs programs without them).
//
// A reason reads "range over int at lessons/x.md:57": positions are
// lesson lines (engine.Program.LessonLine).
//
// # Modes
//
// The Router applies one of the modes of --engine: auto (the check
// above; should yaegi itself fail on a block it let through, with a
// compile error or an internal panic, or should the block run out of
// time, it runs again compiled, and the Outcome's Engine and Why say so), compiled (every block
// compiled), yaegi (every block interpreted: to see what the interpreter
// does) and both (every block the check lets through runs in both
// engines, compiled first, and the checker fails the block if their
// verdicts differ). The engine= option
// of a block overrides every mode but compiled.
package route
