package cell

import (
	"go/scanner"
	"go/token"
	"strings"
)

// A kind says what a chunk of a cell is.
type kind int

const (
	stmts   kind = iota // statements, for the body of main
	decl                // one top-level declaration: type, func, var or const
	imports             // an import declaration
	clause              // a package clause, which a cell must not have
)

// A chunk is a run of whole lines of one cell: one top-level declaration
// or import, or statements.
type chunk struct {
	kind  kind
	lines []string // without their newlines
	at    int      // the lesson line of the first line
	head  int      // the lesson line of its first token (after comments)
}

// text returns the chunk's lines, each ending in a newline.
func (c chunk) text() string {
	return strings.Join(c.lines, "\n") + "\n"
}

// A lineClass says how a line of a cell relates to the chunks.
type lineClass struct {
	start bool // the line begins a chunk of this kind
	kind  kind
	free  bool // blank or a comment between chunks: it goes with the next chunk
}

// split cuts the code of a cell, whose first line is lesson line first,
// into chunks.
func split(code string, first int) []chunk {
	code = strings.TrimRight(code, "\n")
	if strings.TrimSpace(code) == "" {
		return nil
	}
	lines := strings.Split(code, "\n")
	classes := classify(code, len(lines))
	var chunks []chunk
	begin := 0 // the first line not yet in a chunk
	for i := range lines {
		if !classes[i].start {
			continue
		}
		if len(chunks) > 0 {
			cut := i
			for cut > begin && classes[cut-1].free {
				cut--
			}
			last := &chunks[len(chunks)-1]
			last.lines = lines[last.at-first : cut]
			begin = cut
		}
		chunks = append(chunks, chunk{kind: classes[i].kind, at: first + begin, head: first + i})
	}
	if len(chunks) == 0 {
		return nil
	}
	last := &chunks[len(chunks)-1]
	last.lines = lines[last.at-first:]
	for i := range chunks {
		chunks[i].trim()
	}
	return chunks
}

// trim drops the blank lines at both ends of a chunk.
func (c *chunk) trim() {
	for len(c.lines) > 0 && strings.TrimSpace(c.lines[0]) == "" {
		c.lines, c.at = c.lines[1:], c.at+1
	}
	for len(c.lines) > 0 && strings.TrimSpace(c.lines[len(c.lines)-1]) == "" {
		c.lines = c.lines[:len(c.lines)-1]
	}
}

// A tok is one token of a cell, with the lines it begins and ends on
// (0-based).
type tok struct {
	tok         token.Token
	lit         string
	line, last  int
	depth       int  // brackets open around it
	afterSemi   bool // it begins a statement or declaration at its depth
	firstOnLine bool
}

// classify classifies the n lines of code with Go's scanner, so that
// brackets, strings and comments spanning lines are understood. A line
// begins a chunk when its first token is outside every bracket and
// begins a new statement or declaration.
func classify(code string, n int) []lineClass {
	toks := scan(code)
	classes := make([]lineClass, n)
	covered := make([]bool, n) // inside a token that began on an earlier line
	for i, t := range toks {
		for l := t.line + 1; l <= t.last && l < n; l++ {
			covered[l] = true
			classes[l].free = t.tok == token.COMMENT && t.depth == 0 && t.firstOnLine
		}
		if !t.firstOnLine || t.line >= n {
			continue
		}
		switch {
		case t.depth == 0 && t.tok == token.COMMENT:
			classes[t.line].free = true
		case t.depth == 0 && t.afterSemi:
			classes[t.line] = lineClass{start: true, kind: kindAt(toks, i)}
		}
	}
	for l, line := range strings.Split(code, "\n") {
		if l < n && !covered[l] && strings.TrimSpace(line) == "" {
			classes[l].free = true
		}
	}
	return classes
}

// scan returns the tokens of code but semicolons, explicit or automatic:
// each token records instead whether one came before it.
func scan(code string) []tok {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(code))
	var s scanner.Scanner
	s.Init(file, []byte(code), func(token.Position, string) {}, scanner.ScanComments)
	var toks []tok
	depth, afterSemi, lastLine := 0, true, -1
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			return toks
		}
		line := file.Line(pos) - 1
		if t == token.SEMICOLON {
			afterSemi = true
			continue
		}
		toks = append(toks, tok{tok: t, lit: lit, line: line, last: line + strings.Count(lit, "\n"),
			depth: depth, afterSemi: afterSemi, firstOnLine: line != lastLine})
		lastLine = line
		if t != token.COMMENT {
			afterSemi = false
		}
		switch t {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth = max(depth-1, 0)
		}
	}
}

// kindAt returns the kind of the chunk that token i begins.
func kindAt(toks []tok, i int) kind {
	switch toks[i].tok {
	case token.IMPORT:
		return imports
	case token.PACKAGE:
		return clause
	case token.TYPE, token.VAR, token.CONST:
		return decl
	case token.FUNC:
		if isFuncDecl(toks[i+1:]) {
			return decl
		}
	}
	return stmts
}

// isFuncDecl reports whether the tokens after func make a declaration
// (func name or func (receiver) name) rather than a function literal
// (func(...) ... {...}).
func isFuncDecl(rest []tok) bool {
	next := codeTokens(rest)
	t, ok := next()
	switch {
	case !ok:
		return false
	case t.tok == token.IDENT:
		return true
	case t.tok != token.LPAREN:
		return false
	}
	for depth := 1; depth > 0; {
		if t, ok = next(); !ok {
			return false
		}
		switch t.tok {
		case token.LPAREN:
			depth++
		case token.RPAREN:
			depth--
		}
	}
	name, ok1 := next()
	paren, ok2 := next()
	return ok1 && ok2 && name.tok == token.IDENT && paren.tok == token.LPAREN
}

// codeTokens returns a function that yields the tokens of toks that are
// not comments, one at a time.
func codeTokens(toks []tok) func() (tok, bool) {
	i := 0
	return func() (tok, bool) {
		for i < len(toks) {
			t := toks[i]
			i++
			if t.tok != token.COMMENT {
				return t, true
			}
		}
		return tok{}, false
	}
}
