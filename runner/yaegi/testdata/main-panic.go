// exit: 2
// contains: started\n
// contains: panic: bad thing\n\ngoroutine 1 [running]:
package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("started")
	panic(errors.New("bad thing"))
}
