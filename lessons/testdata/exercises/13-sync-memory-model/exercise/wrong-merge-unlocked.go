// A plausible wrong answer: each goroutine counts into its own map, as the
// exercise suggests, but then merges it into counts from inside the
// goroutine, without a lock. The counting is race-free; the merge is the
// same unsynchronized write to a shared map as before, and the race
// detector reports it whatever the order the goroutines run in.
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
			local := map[string]int{}
			for _, w := range strings.Fields(line) {
				local[w]++
			}
			for w, n := range local {
				counts[w] += n // wrong: three goroutines still write counts at once
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
