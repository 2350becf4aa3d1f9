// Package assets holds the files every bingfa web page loads: the
// stylesheet and the script. They are embedded in the binary, so that an
// exported site and the live reader work offline; they load nothing from
// anywhere else (no fonts, no CDN, no third-party bundle).
//
// style.css lays out lessons, code cells and their outputs, for phones and
// desktops, in light and dark themes following the system
// (prefers-color-scheme), with system CJK fonts and a line height suited
// to Chinese. bingfa.js adds the behaviour: the navigation drawer on small
// screens, replaying a block's recorded output with its original timing,
// and the search box over the index that search-index.js assigns to
// window.BINGFA_SEARCH. The script also exposes window.bingfa (replay,
// stopReplay, search, terms, append) for a live page's own script.
package assets

import "embed"

// FS holds the assets, at their URL paths relative to the assets
// directory of a site.
//
//go:embed style.css bingfa.js
var FS embed.FS

// Names returns the names of the files in FS.
func Names() []string { return []string{"style.css", "bingfa.js"} }
