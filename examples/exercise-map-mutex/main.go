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
	var mu sync.Mutex // 保护 counts

	var wg sync.WaitGroup
	for _, line := range lines { // 每行交给一个 goroutine 数
		wg.Go(func() {
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
