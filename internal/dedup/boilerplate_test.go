package dedup

import (
	"strings"
	"testing"
)

// TestIsBoilerplateFindsEveryMarker holds the two-byte index to the plain
// definition: a sentence is furniture when it contains any marker.
func TestIsBoilerplateFindsEveryMarker(t *testing.T) {
	for _, m := range boilerplateMarkers {
		for _, s := range []string{m, "x " + m, "the army said " + m + " today", strings.Repeat("a", 7) + m} {
			if !isBoilerplate(s) {
				t.Errorf("isBoilerplate(%q) = false, want true (marker %q)", s, m)
			}
		}
	}
	for _, s := range []string{"", "a", "the army said the convoy was attacked", "سیکیورٹی فورسز", "中巴经济走廊",
		"follow-up talks", "copy right", "read mor"} {
		want := false
		for _, m := range boilerplateMarkers {
			want = want || strings.Contains(s, m)
		}
		if got := isBoilerplate(s); got != want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", s, got, want)
		}
	}
}
