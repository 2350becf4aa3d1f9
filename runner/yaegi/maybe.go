package yaegi

import "bingfa/runner/sandbox"

// MaybeWorker turns the process into a sandbox's init when it was started
// as one (sandbox.MaybeInit), and then never returns; otherwise it returns
// at once. Call it first thing in TestMain of tests that run programs.
//
// The yaegi worker itself is no longer this process started again: it is
// a command of its own (runner/yaegi/worker), which the engine builds.
func MaybeWorker() { sandbox.MaybeInit() }
