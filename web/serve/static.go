package serve

import "embed"

// static holds the live reader's own script and stylesheet, served from
// /assets/ next to package assets' files.
//
//go:embed static/live.js static/live.css
var static embed.FS
