package lesson

import "testing"

func TestHintPrefix(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		ok   bool
	}{
		{"提示：用 sync.WaitGroup", len("提示："), true},
		{"提示:  两个空格", len("提示:  "), true},
		{"Hint:\tuse a channel", len("Hint:\t"), true},
		{"Hint：x", len("Hint："), true},
		{"hint: x", len("hint: "), true},
		{"注意：这不是提示", 0, false},
		{"HINT: upper case is not one", 0, false},
		{" 提示：a space before", 0, false},
	} {
		n, ok := HintPrefix([]byte(c.text))
		if n != c.n || ok != c.ok {
			t.Errorf("HintPrefix(%q) = %d, %v; want %d, %v", c.text, n, ok, c.n, c.ok)
		}
	}
}
