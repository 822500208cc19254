package htmltext

import (
	"html"
	"strings"
	"testing"
)

func TestInert(t *testing.T) {
	deep := "<b>x</b>"
	for range maxDecodings + 2 {
		deep = html.EscapeString(deep)
	}
	tests := []struct{ name, in, want string }{
		{"Plain", "Gwadar port expands", "Gwadar port expands"},
		{"TagsStripped", "<b>Breaking:</b> rain", "Breaking: rain"},
		{"ScriptWithItsText", "<script>alert(1)</script> Title", " Title"},
		{"EscapedOnce", "&lt;img src=x onerror=alert(1)&gt;A", "A"},
		{"EscapedTwice", "&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt;", "bold"},
		{"LessThanThatIsNoTag", "5 < 7 &lt;3", "5 < 7 <3"},
		{"BareAmpersand", "AT&T", "AT&T"},
		{"WhiteSpaceKept", "a\n  b", "a\n  b"},
		{"BeyondTheBoundLosesItsMarkers", deep, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Inert(tc.in)
			if tc.name == "BeyondTheBoundLosesItsMarkers" {
				if strings.ContainsAny(got, "<&") {
					t.Errorf("Inert(%q) = %q, still able to become markup", tc.in, got)
				}
				return
			}
			if got != tc.want {
				t.Errorf("Inert(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
