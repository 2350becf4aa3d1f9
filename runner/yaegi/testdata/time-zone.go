// env: TZ=Asia/Shanghai
// output: 2009-11-11 07:00:00 +0800 CST\n
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.Date(2009, time.November, 10, 23, 0, 0, 0, time.UTC)
	fmt.Println(t.Local())
}
