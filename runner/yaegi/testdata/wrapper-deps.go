// output: hi\n <nil>\n
package main

import (
	"fmt"
	"os/exec"
	"time"
)

// ctx is a context.Context of the program's own: the program never
// imports package context, which os/exec does, and the interpreter needs
// context's symbols (its wrapper of Context) to pass it to os/exec.
type ctx struct{}

func (ctx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (ctx) Done() <-chan struct{}       { return nil }
func (ctx) Err() error                  { return nil }
func (ctx) Value(any) any               { return nil }

func main() {
	out, err := exec.CommandContext(ctx{}, "echo", "hi").Output()
	fmt.Println(string(out), err)
}
