// Package serve is the live reader: a local web server that shows the
// lessons as pages whose programs can be edited and run, with their output
// streamed to the page as they print.
//
// # Pages
//
// Pages are rendered by package render in its live mode, so that they look
// like the exported site; the server adds its own script and stylesheet
// (static/live.js, static/live.css) and the session token. The index is
// at /, a lesson at /lessons/NAME, the assets at /assets/FILE. A lesson
// read from a directory is read again whenever a lesson file changes, and
// open pages are told to reload (GET /api/watch, an event stream that
// sends "reload"). Files next to the lessons (images) are served from
// /lessons/FILE; nothing outside the lesson directory and the embedded
// assets is ever served: the lesson directory is opened as an os.Root,
// which refuses "..", absolute paths and symbolic links leading out.
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
// JSON: "queued" when the run waits for a place; "start" with the
// engine(s) the router picked and why (a reason and, apart, the source
// position it is about); "output" for each piece of output as the first
// run prints it, with its time since the program started; "done" with
// the verdict (pass or fail, problems, warnings, a unified diff; or
// stopped, neither, with no problem and no diff, when the run was stopped
// before it ended), how the first run ended, the runs, the time they
// took, whether it was stopped, and the result pane rendered as a page
// shows a checked block. A block that is built but not run is built. An
// exercise's run runs the reader's code, judged against the exercise's
// goal, its expected output.
//
// POST /api/run/ID/stop stops a run; closing the event stream (the page
// goes away) stops it too. Stopping cancels the engine's context, which
// kills the program's whole process group. A run whose stream is not
// opened within StartTTL is dropped.
//
// # Limits and security
//
// The server runs code, so every request is treated as hostile. It
// listens on 127.0.0.1 unless told otherwise. It refuses a request whose
// Host is not one of its own addresses (a loopback address or localhost
// with its port; on a server listening beyond loopback, any IP address
// with its port), which defeats DNS rebinding, and a request whose Origin
// or Sec-Fetch-Site shows another site. The run, stop and highlight calls
// need the session token: 128 random bits made when the server starts and
// embedded in its pages, sent in the X-Bingfa-Token header (or the token
// query parameter of an event stream). At most Running programs run at
// once and Queued more wait; a run request beyond both is refused with
// 429 Too Many Requests. A block with the serial option runs alone.
package serve
