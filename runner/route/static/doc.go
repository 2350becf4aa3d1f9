// Package static is the static check that decides whether a program
// may run in the yaegi interpreter: go/parser, go/types over the standard
// library's export data (go list -export), and the rules below. Package
// route asks it through route.Static; bingfa's own binary does not link
// it (go/types, go/importer and what they bring are about a tenth of a
// cold build): it runs in the interpreter's worker, which links go/types
// anyway (see package yaegi), and in tests in their own process (package
// inproc).
//
// # The check
//
// A program may run in yaegi only if it parses and type-checks
// (go/types, as the newest Go whose language changes the list of
// features below covers: a later release's syntax does not type-check),
// if nothing in it is newer than yaegi, and if none of the constructs
// that yaegi is known to get wrong is in it. The first thing found is
// the reason given.
//
// Nothing newer than yaegi v0.16.1 means:
//
//   - every standard-library symbol it uses is in yaegi's own tables
//     (github.com/traefik/yaegi/stdlib and the unrestricted and syscall
//     tables, and the generic packages it compiles from source): the
//     packages it imports and the package-level names it uses. Their
//     names are data, symbols_gen.go, written by go generate
//     (internal/gensyms) and checked against the tables by a test, so
//     that bingfa does not link the tables themselves. Those
//     tables describe Go 1.22's standard library (yaegiAPI); methods and
//     fields are not in them (yaegi reaches them by reflection on the
//     types of the Go it is built with), so every method or field that
//     Go's API lists (GOROOT/api/go1.N.txt) add after Go 1.22 counts as
//     missing too, named after any standard type on the way to it
//     (testing.B.Context, declared on a type B embeds). The reason names
//     the symbol and, when the API lists say, its release:
//     "method sync.WaitGroup.Go (Go 1.25) is newer than yaegi". Without
//     the API lists, no block goes to yaegi.
//   - it uses no language feature on the list in features.go, the one
//     place that says which changes to the language came after yaegi's
//     (and how to extend it for a new release): Go 1.21's builtins min,
//     max and clear and panic(nil) as a run-time error, Go 1.22's range
//     over int and per-iteration loop variables (a loop variable that a
//     function literal uses, whose address is taken, or on which a
//     method with a pointer receiver is deferred or started as a
//     goroutine), Go 1.23's range
//     over func, Go 1.24's generic type aliases, and Go 1.26's new(expr).
//     The reason names the feature and its release: "range over int
//     (Go 1.22)".
//
// The constructs yaegi gets wrong, found by running programs in both
// engines:
//
//   - it imports a package that acts on the host process: runtime,
//     syscall, unsafe, os/signal, testing;
//   - a loop's condition compares with a constant of a million or more
//     (yaegi runs loops about 60 times slower);
//   - it declares a generic type or function, or calls one (yaegi's
//     generics are incomplete, and its type inference is Go 1.20's);
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
//     stands for &T{...}, or a receive as a result of a return
//     (return <-ch, true) (yaegi panics on both);
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
//     are fine).
//
// Check returns the first thing found as the Finding's reason, with its
// source line; package route turns it into a lesson position.
//
// # Export data
//
// The standard library's export data comes from go list -export, run
// with the compiled engine's flags and environment (Config), so that it
// is compiled once for routing and building. Where go list found it is
// kept in Config.ExportsFile (bingfa's cache) for the next process, under
// a key of GOROOT, the go command's version, the flags and the GO*
// variables; an entry whose file the go command has since trimmed from
// its cache is listed again (persist.go).
package static
