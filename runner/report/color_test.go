package report

import (
	"strings"
	"testing"
)

// TestChooseColors: --color and the environment (NO_COLOR, COLORFGBG)
// decide whether and for which background the output is coloured.
func TestChooseColors(t *testing.T) {
	tests := []struct {
		flag string
		tty  bool
		env  string // NAME=VALUE,...
		want Colors
	}{
		{"auto", true, "", Colors{On: true}},
		{"auto", false, "", Colors{}},
		{"auto", true, "NO_COLOR=", Colors{}},
		{"auto", true, "NO_COLOR=1,COLORFGBG=0;15", Colors{}},
		{"auto", true, "COLORFGBG=0;15", Colors{On: true, Light: true}},
		{"auto", true, "COLORFGBG=0;default;7", Colors{On: true, Light: true}},
		{"auto", true, "COLORFGBG=15;0", Colors{On: true}},
		{"auto", true, "COLORFGBG=7;8", Colors{On: true}},
		{"auto", true, "COLORFGBG=garbage", Colors{On: true}},
		{"light", false, "NO_COLOR=1", Colors{On: true, Light: true}},
		{"dark", false, "COLORFGBG=0;15", Colors{On: true}},
		{"never", true, "COLORFGBG=0;15", Colors{}},
	}
	for _, tt := range tests {
		t.Run(tt.flag+"/"+tt.env, func(t *testing.T) {
			env := map[string]string{}
			for _, kv := range strings.Split(tt.env, ",") {
				if k, v, ok := strings.Cut(kv, "="); ok {
					env[k] = v
				}
			}
			got, err := chooseColors(tt.flag, tt.tty, func(k string) (string, bool) { v, ok := env[k]; return v, ok })
			if err != nil || got != tt.want {
				t.Errorf("chooseColors(%q, tty=%v) = %+v, %v; want %+v", tt.flag, tt.tty, got, err, tt.want)
			}
		})
	}
	if _, err := chooseColors("blue", true, func(string) (string, bool) { return "", false }); err == nil || !strings.Contains(err.Error(), "auto, dark, light or never") {
		t.Errorf("--color=blue: error %v, want one listing the choices", err)
	}
}

// TestLightColors: on a light background the diff's colours are dark
// 256-colour ones, never ANSI yellow or cyan.
func TestLightColors(t *testing.T) {
	var b strings.Builder
	writeDiff(&b, "--- want\n+++ got\n@@ -1 +1 @@\n-a\n+b\n", Colors{On: true, Light: true})
	got := b.String()
	for _, bad := range []string{"\033[33m", "\033[36m", "\033[31m", "\033[32m"} {
		if strings.Contains(got, bad) {
			t.Errorf("light diff uses %q:\n%q", bad, got)
		}
	}
	if !strings.Contains(got, "\033[38;5;25m@@") || !strings.Contains(got, "\033[38;5;124m-a") {
		t.Errorf("light diff %q lacks its dark blue hunk header or dark red deletion", got)
	}
}
