package normalize

import (
	"net/url"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

func TestSanitize(t *testing.T) {
	const base = "https://www.dawn.com/news/123/story"
	tests := []struct {
		name    string
		in      string
		want    []string // substrings that must be present
		notWant []string // substrings that must be absent (compared lower-cased)
	}{
		{"ScriptRemoved", `<p>ok</p><script>alert(1)</script>`, []string{"<p>ok</p>"}, []string{"<script", "alert"}},
		{"StyleRemoved", `<style>body{display:none}</style><p>x</p>`, []string{"<p>x</p>"}, []string{"<style", "display"}},
		{"IframeRemoved", `<iframe src="https://evil.example/"></iframe>x`, []string{"x"}, []string{"<iframe", "evil"}},
		{"ObjectEmbedRemoved", `<object data="a.swf"></object><embed src="b.swf">x`, []string{"x"}, []string{"<object", "<embed", "swf"}},
		{"FormRemoved", `<form action="https://evil.example/"><input name=p><button>go</button></form>`, nil, []string{"<form", "<input", "evil"}},
		{"OnErrorRemoved", `<img src=x onerror=alert(1)>`, []string{`<img src="https://www.dawn.com/news/123/x"`}, []string{"onerror", "alert"}},
		{"SvgOnloadRemoved", `<svg onload=alert(1)><circle r=1></circle></svg>after`, []string{"after"}, []string{"<svg", "onload", "alert"}},
		{"MixedCaseJavascriptHref", `<a href="jAvAsCrIpT:alert(1)">x</a>`, []string{"x"}, []string{"javascript", "alert", "href"}},
		{"EntityEncodedJavascriptHref", `<a href="&#106;avascript:alert(1)">x</a>`, []string{"x"}, []string{"javascript", "alert"}},
		{"TabbedJavascriptHref", "<a href=\"java\tscript:alert(1)\">x</a>", []string{"x"}, []string{"script:", "alert"}},
		{"VbscriptHref", `<a href="vbscript:msgbox(1)">x</a>`, []string{"x"}, []string{"vbscript", "msgbox"}},
		{"DataImageRemoved", `<img src="data:image/png;base64,AAAA">`, nil, []string{"data:"}},
		{"DataHrefRemoved", `<a href="data:text/html,<script>alert(1)</script>">x</a>`, []string{"x"}, []string{"data:", "alert"}},
		{"StyleAttributeRemoved", `<p style="background:url(javascript:alert(1))">x</p>`, []string{"<p>x</p>"}, []string{"style", "alert"}},
		{"RelativeHrefResolved", `<a href="/news/9">n</a>`, []string{`href="https://www.dawn.com/news/9"`, `rel="nofollow noreferrer"`}, nil},
		{"RelativeImgResolved", `<img src="../img/a.jpg" alt="A">`, []string{`src="https://www.dawn.com/news/img/a.jpg"`, `alt="A"`}, nil},
		{"AbsoluteKept", `<a href="https://tribune.com.pk/x">t</a>`, []string{`href="https://tribune.com.pk/x"`}, nil},
		{"FragmentLinkKept", `<a href="#p2">jump</a>`, []string{"jump"}, []string{"javascript"}},
		{"FormattingKept", `<p><b>b</b> <i>i</i> <blockquote>q</blockquote></p>`, []string{"<b>b</b>", "<i>i</i>", "<blockquote>q</blockquote>"}, nil},
		{"UrduTextKept", `<p dir="rtl">پاکستان</p>`, []string{"پاکستان"}, nil},
		{"Empty", "   ", nil, []string{"<"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sanitize(tc.in, base)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("Sanitize(%q) = %q, want it to contain %q", tc.in, got, w)
				}
			}
			for _, nw := range tc.notWant {
				if strings.Contains(strings.ToLower(got), nw) {
					t.Errorf("Sanitize(%q) = %q, must not contain %q", tc.in, got, nw)
				}
			}
		})
	}
}

// FuzzSanitize checks that whatever goes in, what comes out has no
// dangerous element, no event handler and no URL outside http, https and
// mailto.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{`<a href="jAvAsCrIpT:x()">a</a>`, `<img src=x onerror=alert(1)>`, `<svg onload=x()>`,
		`<iframe src=//e>`, `<p style="x">p</p>`, `<a href="/rel">r</a>`, `<img src="data:image/png;base64,AA">`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in, "https://example.com/a/b")
		z := xhtml.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				return
			}
			if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			switch tok.Data {
			case "script", "style", "iframe", "object", "embed", "form", "input", "svg", "math", "base", "meta", "link":
				t.Fatalf("Sanitize(%q) = %q keeps <%s>", in, out, tok.Data)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "style" {
					t.Fatalf("Sanitize(%q) = %q keeps %s=", in, out, a.Key)
				}
				if a.Key == "href" || a.Key == "src" || a.Key == "cite" {
					u, err := url.Parse(a.Val)
					if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto" && u.Scheme != "") {
						t.Fatalf("Sanitize(%q) = %q keeps %s=%q", in, out, a.Key, a.Val)
					}
				}
			}
		}
	})
}
