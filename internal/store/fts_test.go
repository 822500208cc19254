package store

import "testing"

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		ok             bool
	}{
		{"WordsAreQuotedAndANDed", "Gwadar attack", `"Gwadar" "attack"`, true},
		{"PhraseKept", `"Gwadar port" attack`, `"Gwadar port" "attack"`, true},
		{"PrefixKept", "attack*", `"attack" *`, true},
		{"OperatorsAreWords", "a OR b NOT c", `"a" "OR" "b" "NOT" "c"`, true},
		{"PunctuationQuoted", `C++ a:b`, `"C++" "a:b"`, true},
		{"QuoteInsideWordDoubled", `x"y`, `"x""y"`, true},
		{"UnbalancedQuoteRunsToEnd", `"Gwadar port`, `"Gwadar port"`, true},
		{"PunctuationOnlyDropped", `++ : * "" ()`, ``, false},
		{"HanCutIntoCharacters", "走廊", "\"走\u200b廊\"", true},
		{"Empty", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ftsQuery(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("ftsQuery(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestFTSSearchFormRoundTrips(t *testing.T) {
	for _, in := range []string{"中巴经济走廊 CPEC 进展", "ภาษาไทย", "plain English", "گوادر میں", ""} {
		if got := ftsDisplayForm(ftsSearchForm(in)); got != in {
			t.Errorf("round trip of %q = %q", in, got)
		}
	}
	if got, want := ftsSearchForm("中巴 a"), "中\u200b巴 a"; got != want {
		t.Errorf("search form = %q, want %q", got, want)
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{`"a b`, `C++`, `x*`, `走廊`, `NEAR(a b)`, `a:b`, `^`} {
		f.Add(s)
	}
	s := openTest(f)
	save(f, s, t0, "dawn", item("dawn", "a", withTitle("Gwadar 走廊 C++")))
	f.Fuzz(func(t *testing.T, q string) {
		if _, _, err := s.Items(t.Context(), ItemQuery{Text: q}); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
	})
}
