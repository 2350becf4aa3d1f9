// Package serve is the live reader: a local web server that shows the
// lessons as pages whose programs can be edited and run, with their output
// streamed to the page as they print.
//
// # Pages
//
// Pages are rendered by package render in its live mode, so that they look
// like the exported site; the server adds its own script and stylesheet
// (static/live.js, static/live.css). The index is
// at /, a lesson at /lessons/NAME, the assets at /assets/FILE. A lesson
// read from a directory is read again whenever a lesson file changes, and
// open pages are told to reload (GET /api/watch, an event stream that
// sends "reload"). Files next to the lessons (images) are served from
// /lessons/FILE; nothing outside the lesson directory and the embedded
// assets is ever served: the lesson directory is opened as an os.Root,
// which refuses "..", absolute paths and symbolic links leading out. Nor
// is a dotfile (such as .env or .git/config), or a symbolic link to one.
//
// # Running a block
//
// POST /api/run with {"lesson", "block", "code"} admits a run of the
// block with the given code (the reader's edit) and replies with its id
// and the URLs of its event stream and of its stop. The block's options
// (timeout, output cap, arguments, environment) are the lesson's: a page
// cannot change them, and the server bounds the timeout and the cap. An
// edited copy of the lesson (check.Edit) is checked by Checker.Run, so a
// block means what check means (runs=N, both engines, earlier cells).
//
// The run starts when the page opens its event stream (GET
// /api/run/ID/events), which carries Server-Sent Events, each one line of
// JSON: "queued" when the run waits for its build (with how far the
// course's background build has got: the run's build goes first) or for a
// place; "start" with the
// engine(s) the router picked and why (a reason and, apart, the source
// position it is about); "output" for each piece of output as the first
// run prints it, with its time since the program started; "done" with
// the verdict (pass or fail, problems, warnings, a unified diff; or
// stopped, neither, with no problem and no diff, when the run was stopped
// before it ended), how the first run ended, the runs, the time they
// took, whether it was stopped, and the result pane rendered as a page
// shows a checked block (for a traced block, with the picture of its
// execution trace as inline SVG and its facts under the output; never
// the raw trace). A block that is built but not run is built. An
// exercise's run runs the reader's code, judged against the exercise's
// goal, its expected output.
//
// Output events never split a character: the start of a UTF-8 sequence
// whose end is in the program's next write is held back until then. A
// program that does not compile has its errors marked at the editor's own
// lines (see package render).
//
// A lesson's page carries, in its block data, each exercise's reference
// answer (the program its file= names, read through an os.Root at the
// course root, at most 256 KiB), for the page's "show the reference
// answer" control; no other file is given to a page. An untouched
// exercise is to do, neither passed nor failed, in "run all"'s tally.
// Every word the page script shows comes from the page's message
// catalogue (package msg), and so does every word of the events and of
// the run API's refusals, in the lesson's language: why an engine ran the
// block (msg.Lang.Why), its problems and warnings (msg.Lang.Report). The
// lines that a run's race report or crash names are marked in the
// editor's gutter as compile errors are (see package render), and the
// live pane holds at most 64 KiB of output, as a page does.
//
// POST /api/run/ID/stop stops a run; closing the event stream (the page
// goes away) stops it too. Stopping cancels the engine's context, which
// kills the program's whole process group. A run whose stream is not
// opened within StartTTL (5 seconds) is dropped and gives its place back.
//
// # Signing in
//
// The server is its owner's alone, as Jupyter's is. Serve prints a link
// with a one-time login token (http://127.0.0.1:8080/?token=...); the
// browser that opens it is given a session cookie (HttpOnly, so that no
// script reads it; SameSite=Strict, so that no other site's request
// carries it; named after the port, so that two servers do not clash) and
// sent on to the page without the token. The token is then used up: a new
// one is made, and Serve prints its link, for another browser. Every other
// request, pages, assets, the API and both event streams (a run's and
// /api/watch), needs the cookie: without it, a page says how to sign in,
// and the API answers 403 Forbidden. No response to a request without the
// cookie holds a secret. The session lasts as long as the server.
//
// # Limits and security
//
// The server runs code, so every request is treated as hostile. It
// listens on loopback only: Serve refuses any other address, and suggests
// an SSH tunnel instead. It refuses a request whose Host is not one of its
// own addresses (a loopback address or localhost with its port), which
// defeats DNS rebinding, and a request whose Origin or Sec-Fetch-Site
// shows another site (another port of localhost included). At most
// Running programs run at once and Queued more wait; a run request beyond
// both is refused with 429 Too Many Requests. A block with the serial
// option runs alone.
package serve
