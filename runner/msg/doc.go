// Package msg is bingfa's message catalogue: every word bingfa itself
// shows a reader (the live and exported pages, the page script, read's
// terminal and check's report) is a keyed message here, in each language
// bingfa speaks, Chinese (zh, the default) and English (en).
//
// A course's language is the lang of its README.md front matter, which a
// lesson's own front matter lang overrides; Parse maps a BCP 47 tag
// ("zh-CN", "en-GB") to a Lang, zh for anything it does not know.
//
// Lang.T formats a message by key with fmt verbs; Lang.Messages returns
// the whole catalogue of a language, which the live page embeds as JSON
// for its script. The runner's own reports (problems, why an engine ran a
// block) are English, as check --json and CI annotations keep them;
// Lang.Report translates the ones it knows, line by line, keeping
// positions (path:line:) and the program's text as they are.
package msg
