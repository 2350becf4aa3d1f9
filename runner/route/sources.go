package route

import "embed"

// StaticSources are the sources of package static (under static/), which
// bingfa does not link: the interpreter's worker, built from sources
// embedded in bingfa (package yaegi), runs the static check.
//
//go:embed static/*.go
var StaticSources embed.FS
