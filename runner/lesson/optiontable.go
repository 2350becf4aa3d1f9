package lesson

import (
	"fmt"
	"regexp"
)

// optionTable is every option of every fence kind. Each row's set parses
// the option's value into the fence's options; see Option. Rows are in
// the order the docs list them.
var optionTable = []Option{
	{Name: "name", Kinds: ProgramFence | PythonFence, Value: "NAME", set: prog(setName),
		En: "the block's name, for `--run` and test names (letters, digits, `.`, `_`, `-`; unique in the lesson); default `block-N`, N counting the lesson's `go` blocks from 1 (`python-N` for a `python run` block)",
		Zh: "代码块的名字，用于 `--run` 和测试名（字母、数字、`.`、`_`、`-`；同一课中不能重复）；默认是 `block-N`，N 是该课中第几个 `go` 代码块，从 1 开始（`python run` 代码块是 `python-N`）"},
	{Name: "norun", Kinds: ProgramFence, Slot: "mode", set: progFlag(func(o *Options) { o.Mode = NoRun }),
		En: "build, do not run",
		Zh: "只编译，不运行"},
	{Name: "nobuild", Kinds: ProgramFence, Slot: "mode", set: progFlag(func(o *Options) { o.Mode = NoBuild }),
		En: "show only, not even compiled: a fragment",
		Zh: "只展示，连编译都不做：用于代码片段"},
	{Name: "exit", Kinds: ProgramFence | OutputFence | PythonFence, Value: "N|any", set: setRunExit,
		En: "the expected exit status, default 0, or `any` (not checked: a shell transcript of `./prog` does not show it); on an `output` block, that of its run",
		Zh: "期望的退出状态，默认 0，或者 `any`（不检查：shell 里运行 `./prog` 的记录看不到退出状态）；写在 `output` 块上时是这一次运行的"},
	{Name: "timeout", Kinds: ProgramFence | PythonFence, Value: "DURATION", set: prog(setTimeout),
		En: "wall-clock limit such as `30s`, default `10s`",
		Zh: "运行时间上限，如 `30s`，默认 `10s`"},
	{Name: "maxoutput", Kinds: ProgramFence | PythonFence, Value: "SIZE", set: prog(setMaxOutput),
		En: "cap on the captured output such as `64KiB`, default `1MiB`; past it the program is stopped and the block fails",
		Zh: "输出的上限，如 `64KiB`，默认 `1MiB`；超过时程序被终止，代码块失败"},
	{Name: "maxmemory", Kinds: ProgramFence, Value: "SIZE", set: prog(setMaxMemory),
		En: "cap on the program's address space (RLIMIT_AS), at least `1GiB`, default `4GiB` (for `race` blocks twice that plus `2GiB`, for the race detector's shadow memory); in the sandbox with a cgroup, also the cap on the memory of the whole run (all its processes); a Go program that reaches it dies with \"runtime: out of memory\"",
		Zh: "程序地址空间的上限（RLIMIT_AS），至少 `1GiB`，默认 `4GiB`（`race` 块为其两倍再加 `2GiB`，留给竞态检测器的影子内存）；在有 cgroup 的沙箱中，它同时是整次运行（所有进程合计）的内存上限；Go 程序到达上限时以 “runtime: out of memory” 退出"},
	{Name: "args", Kinds: ProgramFence | OutputFence | PythonFence, Value: `"..."`, set: in(setArgs),
		En: "command-line arguments, split like a shell's words; on an `output` block, the arguments of that run (they replace the program's)",
		Zh: "命令行参数，按 shell 的方式切分；写在 `output` 块上时是这一次运行的参数（取代程序的参数）"},
	{Name: "env", Kinds: ProgramFence | OutputFence | PythonFence, Value: "KEY=VALUE", set: in(addEnv),
		En: "an environment variable; repeatable; on an `output` block, added for that run",
		Zh: "环境变量，可以重复；写在 `output` 块上时只加给这一次运行"},
	{Name: "stdin", Kinds: ProgramFence | OutputFence | PythonFence, Value: `"TEXT"`, Slot: "input", set: in(setStdin),
		En: "standard input: TEXT and a newline (a `stdin` block gives several lines); default empty",
		Zh: "标准输入：TEXT 加一个换行（多行输入用 `stdin` 代码块）；默认为空"},
	{Name: "stdin-file", Kinds: ProgramFence | OutputFence | PythonFence, Value: "PATH", Slot: "input", set: in(setStdinFile),
		En: "standard input read from the data file PATH (a `file` block before the program)",
		Zh: "标准输入取自数据文件 PATH（程序之前的一个 `file` 代码块）"},
	{Name: "argv0", Kinds: ProgramFence, Value: "NAME", set: prog(setArgv0),
		En: "the program's name in `os.Args[0]`, as usage messages show it; default the source file's name without `.go` (`main`)",
		Zh: "程序在 `os.Args[0]` 中的名字，用法说明（usage）中显示的就是它；默认是源文件名去掉 `.go`（`main`）"},
	{Name: "filename", Kinds: ProgramFence, Value: "NAME.go", set: prog(setFileName),
		En: "the name of the program's source file in stack traces, `log.Lshortfile` and race reports (`logging.go:40`); default `main.go`. Positions never show the directory the program was built in",
		Zh: "程序源文件在栈回溯、`log.Lshortfile` 和竞态报告中的名字（`logging.go:40`）；默认是 `main.go`。位置信息中永远不会出现程序编译时所在的目录"},
	{Name: "took", Kinds: ProgramFence | OutputFence | PythonFence, Value: "<D", set: setTook,
		En: "a bound on a run's wall time: `<3s`, `>1s` or `1s..3s`; a run outside it is a warning, or a failure when the bound ends with `!` (`took=<3s!`); on an `output` block, the bound of its run",
		Zh: "一次运行所用时间（墙上时间）的范围：`<3s`、`>1s` 或 `1s..3s`；超出范围时给出警告，范围以 `!` 结尾（`took=<3s!`）时则是失败；写在 `output` 块上时只管这一次运行"},
	{Name: "signal", Kinds: ProgramFence | OutputFence | PythonFence, Value: "SIG", set: in(setSignal),
		En: "send the signal SIG (`SIGINT`, `SIGTERM`, `SIGHUP`, `SIGQUIT`, `SIGUSR1`, `SIGUSR2`, `SIGKILL`) to the running program, when `ready=` and `after=` say",
		Zh: "向运行中的程序发送信号 SIG（`SIGINT`、`SIGTERM`、`SIGHUP`、`SIGQUIT`、`SIGUSR1`、`SIGUSR2`、`SIGKILL`），时机由 `ready=` 和 `after=` 决定"},
	{Name: "ready", Kinds: ProgramFence | OutputFence | PythonFence, Value: `"TEXT"`, set: in(setReady),
		En: "the program is ready when its output contains TEXT (a readiness line such as `listening`): `signal=` is sent then (after `after=`, if given)",
		Zh: "程序的输出中出现 TEXT 时（如 `listening` 这样表示就绪的一行）程序就绪：此时发送 `signal=`（写了 `after=` 时再等这么久）"},
	{Name: "after", Kinds: ProgramFence | OutputFence | PythonFence, Value: "DURATION", set: in(setAfter),
		En: "send `signal=` this long after the program starts, or after it is ready when `ready=` is given",
		Zh: "程序启动后（写了 `ready=` 时是就绪后）过这么久再发送 `signal=`"},
	{Name: "sandbox", Kinds: ProgramFence | PythonFence, Value: "off", set: prog(setSandbox),
		En: "run outside the sandbox (see SECURITY.md): only for blocks that truly need the host, with the reason in the lesson",
		Zh: "不在沙箱中运行（见 SECURITY.md）：只用于确实需要主机的块，并在课文中说明原因"},
	{Name: "net", Kinds: ProgramFence | PythonFence, Value: "host", set: prog(setNet),
		En: "run in the sandbox but with the host's network, not only a loopback interface of its own",
		Zh: "在沙箱中运行，但使用主机的网络，而不是只有自己的回环接口"},
	{Name: "serial", Kinds: ProgramFence | PythonFence, set: progFlag(func(o *Options) { o.Serial = true }),
		En: "run with nothing else in parallel: blocks that measure time or CPU",
		Zh: "运行时不与任何其他程序并行：用于测量时间或 CPU 的程序"},
	{Name: "engine", Kinds: ProgramFence, Value: `auto\|compiled\|yaegi`, set: prog(setEngine),
		En: "the engine that runs it, default `auto`: compiled when the block uses Go newer than yaegi's (a standard-library symbol added after Go 1.22, or a language feature from Go 1.21 on listed in `runner/route/static/features.go`, such as `min`, `range 3`, `new(42)`) or something yaegi gets wrong, with a reason naming the feature and its Go release (see package `runner/route/static`)",
		Zh: "由哪个引擎运行，默认 `auto`：用到比 yaegi 新的 Go（Go 1.22 之后的标准库符号，或 `runner/route/static/features.go` 所列 Go 1.21 起的语言特性，如 `min`、`range 3`、`new(42)`）或 yaegi 会算错的写法时编译运行，理由写明特性及其 Go 版本（见 `runner/route/static` 包文档）"},
	{Name: "race", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Race = true }),
		En: "build with the race detector (`-race`); the block fails if a race is reported, unless `expect=race`",
		Zh: "用竞态检测器（`-race`）编译；若报告了数据竞争，代码块失败，除非同时写了 `expect=race`"},
	{Name: "expect", Kinds: ProgramFence | OutputFence, Value: "KIND", set: setRunExpect,
		En: "how the program must end: `race` (the race detector reports a `WARNING: DATA RACE`; implies `race`), `deadlock` (`fatal error: all goroutines are asleep - deadlock!`), `panic`, `panic:\"m\"` (a panic with the message m), or `signal:SIGINT` (killed by that signal); on an `output` block (not `race`), how its run ends",
		Zh: "程序应当怎样结束：`race`（竞态检测器报告了 `WARNING: DATA RACE`；隐含 `race`）、`deadlock`（`fatal error: all goroutines are asleep - deadlock!`）、`panic`、`panic:\"m\"`（panic 的消息是 m），或 `signal:SIGINT`（被这个信号杀死）；写在 `output` 块上时（`race` 除外）是这一次运行的结束方式"},
	{Name: "runs", Kinds: ProgramFence | PythonFence, Value: "N", set: prog(setRuns),
		En: "run N times (in parallel unless `serial`); every run must pass",
		Zh: "运行 N 次（不带 `serial` 时并行），每一次都必须通过"},
	{Name: "show", Kinds: ProgramFence | PythonFence, Value: "distinct", set: prog(setShow),
		En: "with `runs=N`: report the distinct outputs and how often each occurred",
		Zh: "与 `runs=N` 一起使用：报告出现过的不同输出，以及每种出现的次数"},
	{Name: "file", Kinds: ProgramFence, Value: "PATH", set: prog(setFile),
		En: "the block is a copy of the Go file at `PATH` (relative to the lesson); the file is the source of truth and the check fails when they differ. For a cell the lesson is the source, and `update` writes the program the cell assembles into the file",
		Zh: "这个代码块是 `PATH`（相对于课文所在目录）处 Go 文件的副本；文件是源头，副本与文件不一致时检查失败。单元（`cell`）反过来：课文是源头，`update` 把这个单元拼成的完整程序写进文件"},
	{Name: "exercise", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Exercise = true }),
		En: "an exercise: the code is the reader's starting point and only has to build; `file=` names the reference answer, which is run and must print the expected output",
		Zh: "练习：代码块中的代码是读者的起点，只要求能编译；`file=` 指向参考答案，参考答案会被运行，它的输出必须符合期望输出"},
	{Name: "test", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Test = true }),
		En: "a test file (`main_test.go`: tests, examples, benchmarks, fuzz seeds) of the program block before it, run with `go test` and its `args=` as go test's flags (`-v`, `-bench=.`); its output block is what `go test` prints",
		Zh: "它前面那个程序的测试文件（`main_test.go`：测试、示例、基准测试、模糊测试的种子），用 `go test` 运行，`args=` 是 go test 的参数（`-v`、`-bench=.`）；它的 `output` 块是 `go test` 打印的内容"},
	{Name: "server", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Server = true }),
		En: "a program that serves (HTTP, TCP): it is not run alone but for each of its clients, ready for them once its output contains `ready=` or it listens on `port=`, and stopped with `signal=` (default `SIGINT`) when the client is done; its output block is matched against what it printed for its first client",
		Zh: "提供服务的程序（HTTP、TCP）：它不单独运行，而是为它的每个客户端运行一次；输出中出现 `ready=` 的文字或在 `port=` 上监听时即为就绪，客户端结束后用 `signal=`（默认 `SIGINT`）停止它；它的 `output` 块与它为第一个客户端服务时打印的内容比对"},
	{Name: "port", Kinds: ProgramFence, Value: "N", set: prog(setPort),
		En: "on a `server`: the TCP port it listens on (1 to 65535), also given in `PORT`; it is ready for clients once a socket listens on that port (after `ready=`, if given), for servers that print nothing when ready",
		Zh: "写在 `server` 上：它监听的 TCP 端口（1 到 65535），也放在 `PORT` 中；有套接字在这个端口上监听时它就为客户端就绪了（如果写了 `ready=`，在那之后），用于就绪时什么都不打印的服务器"},
	{Name: "client", Kinds: ProgramFence, Value: "SERVER", set: prog(setClient),
		En: "a client of the server block named SERVER before it: it runs once that server is ready, which is stopped after it; the two share one sandbox, whose loopback interface no other run sees",
		Zh: "它前面名为 SERVER 的服务器代码块的客户端：服务器就绪后才运行，运行结束后服务器被停止；两者共用一个沙箱，它的回环接口别的运行看不到"},
	{Name: "cell", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Cell = true }),
		En: "a notebook cell that may use the declarations of earlier cells",
		Zh: "笔记本单元：可以使用前面单元中的声明"},
	{Name: "trace", Kinds: ProgramFence, set: progFlag(func(o *Options) { o.Trace = true }),
		En: "record an execution trace of each run (compiled: yaegi cannot) and show it under the output: goroutines as lanes over time, on which P; a `trace` block after a run's `output` block holds the facts the trace must show (see \"Trace facts\")",
		Zh: "记录每次运行的执行跟踪（编译运行：yaegi 做不到），显示在输出下方：每个 goroutine 一条泳道，随时间的状态，在哪个 P 上运行；一次运行的 `output` 块之后的 `trace` 块写出跟踪必须显示的事实（见“跟踪事实”）"},
	{Name: "run", Kinds: PythonFence, set: progFlag(func(o *Options) { o.Mode = Run }),
		En: "makes a `python` block a program, run with `python3 -I -u` in the sandbox like a Go program and checked against the `output` block after it (a `python` block without it is prose), named `python-N` by default (N counting from 1); where `python3` is missing the block is skipped, with the reason",
		Zh: "让 `python` 代码块成为程序：像 Go 程序一样在沙箱中用 `python3 -I -u` 运行，输出与其后的 `output` 块比对（不带它的 `python` 代码块只是正文），默认名字是 `python-N`（N 从 1 数起）；没有 `python3` 的机器上跳过这个代码块，并说明原因"},

	{Name: "name", Kinds: OutputFence, Value: "NAME", set: out(setRunName),
		En: "on an `output` block after a program's first, the name of that run (default `NAME.runN`, NAME the program's, N counting its runs from 1)",
		Zh: "写在程序的第一个 `output` 块之后的 `output` 块上：这一次运行的名字（默认 `NAME.runN`，NAME 是程序的名字，N 是第几次运行，从 1 开始）"},
	{Name: "unordered", Kinds: OutputFence, Slot: "order", set: outFlag(func(o *OutputOptions) { o.Unordered = true }),
		En: "compare the lines as a multiset: order does not matter",
		Zh: "把各行当作一个多重集合来比较：顺序无关"},
	{Name: "order-by", Kinds: OutputFence, Value: "REGEXP", Slot: "order", set: out(setOrderBy),
		En: "partial order: lines with equal keys (the first capture group) keep their order",
		Zh: "部分有序：键（第一个捕获组）相同的行保持相对顺序"},
	{Name: "stdout", Kinds: OutputFence, Slot: "stream", set: outFlag(func(o *OutputOptions) { o.Stream = "stdout" }),
		En: "compare only standard output (the two streams are then captured through separate pipes)",
		Zh: "只比对标准输出（此时两路输出分别用各自的管道捕获）"},
	{Name: "stderr", Kinds: OutputFence, Slot: "stream", set: outFlag(func(o *OutputOptions) { o.Stream = "stderr" }),
		En: "compare only standard error",
		Zh: "只比对标准错误"},

	{Name: "name", Kinds: FileFence, Value: "PATH", set: file(setDataName),
		En: "the file's path in the working directory of the programs after it (relative, `/`-separated, such as `data/lines.txt`); required",
		Zh: "文件在其后各个程序的工作目录中的路径（相对路径，用 `/` 分隔，如 `data/lines.txt`）；必须写"},
	{Name: "for", Kinds: FileFence, Value: "NAME", set: file(func(o *FileOptions, v string) error {
		var p Options
		if err := setName(&p, v); err != nil {
			return err
		}
		o.For = v
		return nil
	}),
		En: "the file of the program named NAME after it only, not of every program after it",
		Zh: "只给它之后名为 NAME 的那个程序，而不是之后的每个程序"},
	{Name: "written", Kinds: FileFence, set: fileFlag(func(o *FileOptions) { o.Written = true }),
		En: "not a data file but what the program before it must have written at that path by the end of its run, matched like output (placeholders included)",
		Zh: "不是数据文件，而是它前面的程序在运行结束时必须已经写到这个路径的内容，像输出一样比对（可以用占位符）"},
}

// fenceOpts are the options of the fence being parsed: exactly one of its
// fields, the one of its kind, is set.
type fenceOpts struct {
	kind Kinds
	prog *Options
	out  *OutputOptions
	file *FileOptions
}

// newFenceOpts returns the default options of a fence of kind k.
func newFenceOpts(k Kinds) *fenceOpts {
	f := &fenceOpts{kind: k}
	switch k {
	case ProgramFence, PythonFence:
		o := defaultOptions()
		f.prog = &o
	case OutputFence:
		f.out = &OutputOptions{}
	case FileFence:
		f.file = &FileOptions{}
	}
	return f
}

// value returns the options f holds, for comparison.
func (f *fenceOpts) value() any {
	switch {
	case f.prog != nil:
		return *f.prog
	case f.out != nil:
		return *f.out
	case f.file != nil:
		return *f.file
	}
	return nil
}

// inputs returns the inputs of the run f describes.
func (f *fenceOpts) inputs() *Inputs {
	if f.out != nil {
		return &f.out.Inputs
	}
	return &f.prog.Inputs
}

func prog(set func(*Options, string) error) func(*fenceOpts, string) error {
	return func(f *fenceOpts, v string) error { return set(f.prog, v) }
}

func out(set func(*OutputOptions, string) error) func(*fenceOpts, string) error {
	return func(f *fenceOpts, v string) error { return set(f.out, v) }
}

func file(set func(*FileOptions, string) error) func(*fenceOpts, string) error {
	return func(f *fenceOpts, v string) error { return set(f.file, v) }
}

func in(set func(*Inputs, string) error) func(*fenceOpts, string) error {
	return func(f *fenceOpts, v string) error { return set(f.inputs(), v) }
}

// quoteHint ends the errors of an order-by= value: a space ends the value
// unless it is quoted, a frequent cause of a regular expression cut short.
const quoteHint = ` (a value with spaces is quoted: order-by="^(w\d+) ")`

func setOrderBy(o *OutputOptions, v string) error {
	re, err := regexp.Compile(v)
	if err != nil {
		return fmt.Errorf("%v%s", err, quoteHint)
	}
	if re.NumSubexp() < 1 {
		return fmt.Errorf("it needs a capture group: the key is its first group%s", quoteHint)
	}
	o.OrderBy = re
	return nil
}

func progFlag(set func(*Options)) func(*fenceOpts, string) error {
	return func(f *fenceOpts, _ string) error { set(f.prog); return nil }
}

func outFlag(set func(*OutputOptions)) func(*fenceOpts, string) error {
	return func(f *fenceOpts, _ string) error { set(f.out); return nil }
}

func fileFlag(set func(*FileOptions)) func(*fenceOpts, string) error {
	return func(f *fenceOpts, _ string) error { set(f.file); return nil }
}

// setRunExit sets exit= of a program, or of one run.
func setRunExit(f *fenceOpts, v string) error {
	if f.out == nil {
		return setExit(f.prog, v)
	}
	var o Options
	if err := setExit(&o, v); err != nil {
		return err
	}
	f.out.Exit = &o.Exit
	return nil
}

// setRunExpect sets expect= of a program, or of one run (which cannot
// expect a race: the race detector is a way to build the program).
func setRunExpect(f *fenceOpts, v string) error {
	if f.out == nil {
		return setExpect(f.prog, v)
	}
	var o Options
	if err := setExpect(&o, v); err != nil {
		return err
	}
	if o.Race {
		return fmt.Errorf("expect=race goes on the go block: the race detector is how the program is built")
	}
	f.out.Expect = &o.Expect
	return nil
}
