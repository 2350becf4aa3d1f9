package verdict

import (
	"bingfa/runner/engine"
	"bingfa/runner/lesson"
	"bingfa/runner/match"
)

// judgeServer matches what the server of client b printed in the session
// against the server's output block, in the session of its first client
// (in the others the server may print other things), at the server's
// output lines.
func judgeServer(v *Verdict, b *lesson.Block, o *engine.Outcome) {
	srv := b.Server()
	if srv == nil || o.Server == nil || srv.Want == nil || !b.FirstClient() {
		return
	}
	text := o.Server.Text(Stream(srv))
	r := srv.Want.Match(text)
	for _, w := range r.Warnings {
		v.Warnings = append(v.Warnings, Problem{Line: outputLine(srv, w), Msg: "server " + srv.Name + ": soft line did not match (a warning, not a failure):\n" + w.String()})
	}
	if r.OK {
		return
	}
	got := match.Normalize(text)
	v.fail(outputLine(srv, r.Failure), "the server %s's output differs:\n%s\n%s", srv.Name, r.Failure, diff(srv.Want.Display(got), got, srv.Out.Unordered))
}
