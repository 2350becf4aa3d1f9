// A plausible wrong answer: the cache is made and the value set before
// synctest.Test, and only the waiting is moved into the bubble. Set reads
// the real clock (2026), the bubble's fake clock starts at midnight UTC,
// 2000-01-01: a minute and a second of fake time later the value's expiry
// is still 26 years away, and the test fails with "一分钟后还在".
package main

import (
	"regexp"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// Cache 里的值放进去 ttl 之后就失效。
type Cache struct {
	mu    sync.Mutex
	ttl   time.Duration
	items map[string]item
}

type item struct {
	value   string
	expires time.Time
}

func NewCache(ttl time.Duration) *Cache {
	return &Cache{ttl: ttl, items: map[string]item{}}
}

func (c *Cache) Set(key, value string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = item{value, time.Now().Add(c.ttl)}
}

func (c *Cache) Get(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	it, ok := c.items[key]
	if !ok || time.Now().After(it.expires) {
		return "", false
	}
	return it.value, true
}

// TestExpiry 检查一分钟后值会过期。
func TestExpiry(t *testing.T) {
	c := NewCache(time.Minute)
	c.Set("a", "1") // wrong: set outside the bubble, by the real clock
	synctest.Test(t, func(t *testing.T) {
		if _, ok := c.Get("a"); !ok {
			t.Fatal("刚放进去就没了")
		}
		time.Sleep(time.Minute + time.Second)
		if _, ok := c.Get("a"); ok {
			t.Fatal("一分钟后还在")
		}
		t.Log("一分钟后过期了")
	})
}

func main() {
	match := func(pat, str string) (bool, error) { return regexp.MatchString(pat, str) }
	testing.Main(match, []testing.InternalTest{{Name: "TestExpiry", F: TestExpiry}}, nil, nil)
}
