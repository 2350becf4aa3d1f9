package verdict

import "testing"

// TestJudgePanic checks which expect=panic:"message" options accept which
// panics: the message as the runtime prints it, or without the note it
// adds to a value panicked again after recover.
func TestJudgePanic(t *testing.T) {
	for _, c := range []struct {
		msg, out string
		ok       bool
	}{
		{"boom", "panic: boom\n\ngoroutine 1 [running]:\n", true},
		{"boom", "before\npanic: boom\r\n", true},
		{"boom", "panic: boom [recovered]\n", true},
		{"boom [recovered]", "panic: boom [recovered]\n", true},
		{"boom", "panic: boom [recovered, repanicked]\n", true},
		{"boom [recovered, repanicked]", "panic: boom [recovered, repanicked]\n", true},
		{"boom [recovered, repanicked]", "panic: boom\n", false},
		{"boom", "panic: boom!\n", false},
		{"", "panic: anything\n", true},
		{"", "no panic here\n", false},
		{"boom", "working...panic: boom\n\ngoroutine 1 [running]:\n", true},
		{"boom", "working...panic: boom!\n", false},
		{"boom", "don't panic: relax\npanic: boom\n", true},
	} {
		var v Verdict
		judgePanic(&v, 1, c.msg, c.out)
		if ok := len(v.Problems) == 0; ok != c.ok {
			t.Errorf("expect=panic:%q on %q: accepted = %v, want %v (%v)", c.msg, c.out, ok, c.ok, v.Problems)
		}
	}
}
