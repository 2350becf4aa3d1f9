// Package cell assembles notebook cells into programs.
//
// # Cells
//
// A go block with the option cell is a notebook cell: it holds imports,
// declarations (types, funcs, methods, vars, consts) and statements, in
// any order, without a package clause or func main. A cell sees every
// declaration of the cells before it in the same lesson, as the cells of
// a notebook share a kernel. Its program is made of:
//
//   - package main;
//   - the imports of all the cells up to it that the program uses;
//   - the declarations of all the cells up to it, the newest winning;
//   - a func main whose body is the cell's own statements.
//
// Only declarations carry over from cell to cell, as in GoNB (a Go kernel
// for Jupyter): the statements of earlier cells are not run again, so a
// variable made by a statement (x := 1) lives only in its cell. Declare it
// at the top level (var x = 1) to share it. A cell of declarations only
// has an empty main: it is built, and it is run only if it has an output
// block (it then prints nothing).
//
// # Top level
//
// A cell's code is cut into chunks of whole lines: each top-level
// declaration is one chunk, and the statements between declarations are
// another. Go's own scanner finds the top level, so brackets, strings and
// comments that span lines are understood: a line begins a chunk when its
// first token is outside every bracket and begins a new statement (the
// previous line ended one, as the rules for automatic semicolons say). The
// first token says what the chunk is: import, type, var, const or func
// followed by a name or a receiver and a name begin a declaration; func
// followed by a parameter list is a function literal and begins
// statements, as does every other token. Comments and blank lines between
// chunks go with the chunk that follows. A package clause or a declaration
// of main is an error.
//
// # Redefinition
//
// A later cell may redefine a declaration: the newest wins, as in a
// notebook. The unit of replacement is a whole top-level declaration:
// when a cell defines a name that an earlier cell's declaration also
// defines, the earlier declaration is dropped entirely, so redefining a
// in var ( a = 1; b = 2 ) also drops b. Functions, types, vars and consts
// share one set of names; a method is named Type.Method, so redefining a
// type keeps its methods, and a method is replaced only by a method of
// the same name on the same type. Declarations of init and of the blank
// identifier never replace anything. Within one cell, two declarations of
// the same name are the compiler's error, as in any Go file. A
// declaration that does not parse is kept as written, replacing nothing,
// so that the compiler reports the error at its line.
//
// # Imports
//
// The imports of all the cells are merged: one import per package name,
// the newest (import "crypto/rand" in a later cell replaces an earlier
// "math/rand"), and every blank (_) and dot import. An import is kept
// only if the assembled program uses its name as the X of a selector X.Y,
// which is the only way code can use a package name; a package's name is
// taken to be the last element of its import path, before a major version
// suffix (math/rand/v2 is rand), as in the standard library: give the
// name explicitly for other packages. A local variable that has an
// imported package's name and is used as X in X.Y keeps that import, and
// the compiler then reports it as unused: rename the variable.
//
// # Lines
//
// The assembled program keeps every line of the cells as written, and
// maps each source line to the lesson line it came from (Program.Lines),
// so that a compiler error is reported at its line in the lesson, be it in
// the cell being run or in an earlier cell whose declarations it uses.
//
// # Dependencies
//
// A cell depends on the earlier cells whose declarations it uses, in its
// statements or its own declarations, directly or through other
// declarations (Program.Depends), so that a page can show them. An
// identifier counts as a use of every declaration of that name, and a
// type as a use of its methods: the list may hold a cell the program
// does not strictly need, never miss one.
package cell
