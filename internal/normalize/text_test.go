package normalize

import "testing"

func TestTitle(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Plain", "Gwadar port expands", "Gwadar port expands"},
		{"EntityDecoded", "AT&amp;T &quot;deal&quot; &#8217;s", "AT&T \"deal\" ’s"},
		{"TwiceEscaped", "Trade &amp;amp; Power &amp;#8211; Lahore", "Trade & Power – Lahore"},
		{"TagsStripped", "<b>Breaking:</b> <i>Karachi</i> rain", "Breaking: Karachi rain"},
		{"InlineMarkupJoinsWords", "Paki<b>stan</b> wins", "Pakistan wins"},
		{"WhitespaceCollapsed", "  A\n\t  B\u00a0 C  ", "A B C"},
		{"LessThanKept", "Inflation < 5% in 2025", "Inflation < 5% in 2025"},
		{"DoublyEscapedTagStripped", "&amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; move", "bold move"},
		{"ScriptDroppedWithItsText", "<script>alert(1)</script> Title with markup", "Title with markup"},
		{"EscapedScriptDroppedWithItsText", "&lt;script&gt;alert(1)&lt;/script&gt; Title", "Title"},
		{"EscapedHandlerStripped", "A &lt;img src=x onerror=alert(1)&gt; B", "A B"},
		{"ThriceEscaped", "&amp;amp;lt;i&amp;amp;gt;x&amp;amp;lt;/i&amp;amp;gt;", "x"},
		{"AmpersandKept", "AT&T profits", "AT&T profits"},
		{"Urdu", " پاکستان  اور چین ", "پاکستان اور چین"},
		{"Chinese", "中巴经济走廊&nbsp;新进展", "中巴经济走廊 新进展"},
		{"Empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Title(tc.in); got != tc.want {
				t.Errorf("Title(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "", ""},
		{"InlineMarkupDoesNotSplitWords", "<p>Paki<b>stan</b> and <a href=x>Ch</a>ina</p>", "Pakistan and China"},
		{"BlocksSeparate", "<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul>", "One\nTwo\na\nb"},
		{"BrSeparates", "line<br>next<br/>last", "line\nnext\nlast"},
		{"EntitiesDecoded", "Trade &amp; power &#1662;", "Trade & power پ"},
		{"EscapedMarkupStaysInert", "Trade &lt;b&gt;power&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;", "Trade power"},
		{"DoublyEscapedMarkupStaysInert", "<p>A &amp;lt;img src=x onerror=alert(1)&amp;gt; B</p><p>C</p>", "A B\nC"},
		{"ScriptAndStyleDropped", "<style>p{}</style>A<script>alert(1)</script>B", "AB"},
		{"WhitespaceCollapsed", "  a \n\n b\t\tc  ", "a b c"},
		{"SpacesAroundBlocksCollapse", "<div> a </div>  <div> b </div>", "a\nb"},
		{"PlainText", "China-Pakistan Economic Corridor", "China-Pakistan Economic Corridor"},
		{"NBSPIsSpace", "a&nbsp;&nbsp;b", "a b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Text(tc.in); got != tc.want {
				t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestWithoutOutletSuffix(t *testing.T) {
	for _, tc := range []struct {
		name, title, outlet, want string
	}{
		{"Pipe", "Budget approved | Dawn", "Dawn", "Budget approved"},
		{"Hyphen", "Budget approved - Daily Times", "Daily Times", "Budget approved"},
		{"EnDashAnyCase", "Budget approved – the express tribune", "The Express Tribune", "Budget approved"},
		{"Urdu", "بجٹ منظور - روزنامہ جنگ", "روزنامہ جنگ", "بجٹ منظور"},
		{"AnotherOutletStays", "Budget approved - Reuters", "Dawn", "Budget approved - Reuters"},
		{"HyphenInsideTheHeadline", "Pak-China talks - a new phase", "Dawn", "Pak-China talks - a new phase"},
		{"NameInsideTheHeadlineStays", "Dawn raids in Quetta", "Dawn", "Dawn raids in Quetta"},
		{"OnlyTheNameStays", " | Dawn", "Dawn", " | Dawn"},
		{"NoOutlet", "Budget approved | Dawn", "", "Budget approved | Dawn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := withoutOutletSuffix(tc.title, tc.outlet); got != tc.want {
				t.Errorf("withoutOutletSuffix(%q, %q) = %q, want %q", tc.title, tc.outlet, got, tc.want)
			}
		})
	}
}

func TestTitleDropsBidiControls(t *testing.T) {
	for in, want := range map[string]string{
		// U+202E makes "gnp.exe" read backwards; the rest embed and isolate.
		"Invoice \u202Egnp.exe":                       "Invoice gnp.exe",
		"\u202AOne\u202B two\u202C \u202Dthree\u202E": "One two three",
		"\u2066Four\u2067 five\u2068 six\u2069":       "Four five six",
		"Entity &#x202E;reversed":                     "Entity reversed",
		"اردو \u200fعنوان":                            "اردو \u200fعنوان", // a mark, not a control: kept
		"Plain":                                       "Plain",
	} {
		if got := Title(in); got != want {
			t.Errorf("Title(%q) = %q, want %q", in, got, want)
		}
	}
}
