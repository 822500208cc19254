package normalize

import "testing"

func TestSanitizeDecodesDoublyEscapedHTML(t *testing.T) {
	const base = "https://ledger.example.pk/2026/11/double/"
	tests := []struct {
		name, in, want string
	}{
		{"EscapedParagraphBecomesMarkup",
			`&lt;p&gt;Security forces in &lt;b&gt;Gwadar&lt;/b&gt; raised alert&lt;/p&gt;`,
			`<p>Security forces in <b>Gwadar</b> raised alert</p>`},
		{"EscapedLinkResolvedAndMarked",
			`&lt;a href="/x"&gt;more&lt;/a&gt;`,
			`<a href="https://ledger.example.pk/x" rel="nofollow noreferrer">more</a>`},
		{"EscapedScriptStillRemoved",
			`&lt;p&gt;ok&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;`,
			`<p>ok</p>`},
		{"RealMarkupNotDecodedAgain",
			`<p>Use the &lt;p&gt; tag</p>`,
			`<p>Use the &lt;p&gt; tag</p>`},
		{"PlainTextWithComparisonKept",
			`growth &lt; 3% &amp; falling`,
			`growth &lt; 3% &amp; falling`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sanitize(tt.in, base); got != tt.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
