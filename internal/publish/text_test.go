package publish

import "testing"

func TestPlainText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"TagsBecomeSpace", "<p>One</p><p>two <b>three</b></p>", "One two three"},
		{"EntitiesDecoded", "Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
		{"ScriptDropped", "a<script>evil()</script>b", "a b"},
		{"EscapedMarkupStaysText", "<p>&lt;script&gt;alert(1)&lt;/script&gt; body &amp;lt;b&amp;gt;x</p>", "body x"},
		{"Empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := plainText(c.in); got != c.want {
				t.Errorf("plainText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	cases := []struct {
		name, in string
		max      int
		want     string
	}{
		{"ShortKept", "short text", 20, "short text"},
		{"CutAtWord", "alpha beta gamma delta", 13, "alpha beta…"},
		{"CutInsideUnspacedScript", "中巴经济走廊建设", 4, "中巴经济…"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := excerpt(c.in, c.max); got != c.want {
				t.Errorf("excerpt(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
			}
		})
	}
}

func TestXMLSafe(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"CleanUnchanged", "a\tb\nc", "a\tb\nc"},
		{"ControlDropped", "a\x00b\x1fc", "abc"},
		{"InvalidUTF8Replaced", "a\xffb", "a\uFFFDb"},
		{"NonCharacterDropped", "a\uFFFEb", "ab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := xmlSafe(c.in); got != c.want {
				t.Errorf("xmlSafe(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
