// A plausible wrong answer: a sync.Mutex, but declared inside the
// goroutine, so each goroutine locks its own mutex and nothing orders the
// three goroutines' writes to counts. The race detector reports the data
// race on the map (or the runtime stops with "concurrent map writes")
// whatever the order the goroutines happen to run in: goroutines started
// by the same parent are not ordered by anything else.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

const text = `the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick dog and a lazy fox`

func main() {
	lines := strings.Split(text, "\n")
	counts := map[string]int{}

	var wg sync.WaitGroup
	for _, line := range lines { // 每行交给一个 goroutine 数
		wg.Go(func() {
			var mu sync.Mutex // wrong: one mutex per goroutine protects nothing
			for _, w := range strings.Fields(line) {
				mu.Lock()
				counts[w]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	for _, w := range slices.Sorted(maps.Keys(counts)) {
		if counts[w] > 1 {
			fmt.Println(w, counts[w])
		}
	}
}
