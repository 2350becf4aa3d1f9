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

// TestNormalizeReport checks what is normalised in a runtime report.
func TestNormalizeReport(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"goroutine 17 [running]:", "goroutine N [running]:"},
		{"created by main.main in goroutine 1", "created by main.main in goroutine N"},
		{"\t/home/gopher/src/main.go:12 +0x3d", "\tmain.go:12"},
		{"\tC:/Users/gopher/src/main.go:12 +0x3d", "\tmain.go:12"},
		{"\tmain.go:7", "\tmain.go:7"},
		{"Write at 0x00c000014098 by goroutine 7:", "Write at 0xADDR by goroutine N:"},
		{"value 0x1f", "value 0x1f"},
	} {
		if got := NormalizeReport(c.in); got != c.want {
			t.Errorf("NormalizeReport(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
