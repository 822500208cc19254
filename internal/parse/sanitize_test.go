package parse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeXML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"DeclarationSaysUTF8", `<?xml version="1.0" encoding="windows-1252" standalone="yes"?><a/>`, utf8Decl + `<a/>`},
		{"OtherProcessingInstructionsDropped", `<?xml-stylesheet href="s.xsl"?><a/>`, `<a/>`},
		{"DoctypeWithSubsetDropped", `<!DOCTYPE a [<!ENTITY e "x>]">]><a>&e;</a>`, `<a>&e;</a>`},
		{"CommentDropped", `<a>x<!-- <b> & -->y</a>`, `<a>xy</a>`},
		{"CDATABecomesText", `<a><![CDATA[<p>&nbsp;]]></a>`, `<a>&lt;p&gt;&amp;nbsp;</a>`},
		{"UnterminatedCDATA", `<a><![CDATA[x`, `<a>x`},
		{"BareAmpersand", `<a>A & B &c &#; &#x; &amp; &#38; &#x26; &nbsp;</a>`, `<a>A &amp; B &amp;c &amp;#; &amp;#x; &amp; &#38; &#x26; &nbsp;</a>`},
		{"AmpersandInAttribute", `<a href="?x=1&y=2" t='&amp;'/>`, `<a href="?x=1&amp;y=2" t='&amp;'/>`},
		{"LessThanInAttribute", `<a t="1<2"/>`, `<a t="1&lt;2"/>`},
		{"GreaterThanInAttribute", `<a t="1>2">x</a>`, `<a t="1>2">x</a>`},
		{"BareLessThan", `<a>1 < 2 <3</a>`, `<a>1 &lt; 2 &lt;3</a>`},
		{"IllegalCharRefsDropped", `<a>x&#0;&#x1B;&#xFFFE;&#9;y&#x1F600;</a>`, `<a>x&#9;y&#x1F600;</a>`},
		{"ControlCharsDropped", "<a>x\x00\x01\x08\x0b\x0c\x1f\t\r\ny</a>", "<a>x\t\r\ny</a>"},
		{"InvalidUTF8Replaced", "<a>x\xff\xc3y</a>", "<a>x\ufffd\ufffdy</a>"},
		{"NoncharactersDropped", "<a>x\uFFFEy\uFFFF</a>", "<a>xy</a>"},
		{"NonASCIIKept", "<a>اردو 中文 €</a>", "<a>اردو 中文 €</a>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := sanitizeXML([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("sanitizeXML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSanitizeXML(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0"?><rss><channel><title>a &amp; b</title></channel></rss>`,
		`<!DOCTYPE x [<!ENTITY a "b">]><x>&a;<![CDATA[<]]></x>`,
		"<a t='&'>\xff\x00<!--",
		`<a><b><c>&#x1F600;</c></b></a>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := sanitizeXML(in)
		if err != nil {
			return
		}
		if !utf8.Valid(out) {
			t.Fatalf("invalid UTF-8 out of %q", in)
		}
		for _, r := range string(out) {
			if !legalXMLChar(r) {
				t.Fatalf("illegal char %U out of %q", r, in)
			}
		}
		if strings.Contains(string(out), "<!DOCTYPE") || strings.Contains(string(out), "<![CDATA[") {
			t.Fatalf("DOCTYPE or CDATA left in %q", out)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss20.xml", "atom10.xml", "jsonfeed11.json", "rss10.rdf", "bare-ampersands.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := Parse(body, "", "https://example.com/feed")
		if err != nil {
			return
		}
		for _, e := range feed.Entries {
			if e.Link != "" && !strings.HasPrefix(e.Link, "http") {
				t.Fatalf("entry link not a web URL: %+v", e)
			}
		}
	})
}
