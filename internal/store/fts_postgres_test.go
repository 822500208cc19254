package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"aggregator/internal/model"
	"aggregator/internal/pgtest"
)

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		ok             bool
	}{
		{"WordsANDed", "Gwadar attack", `('gwadar') & ('attack')`, true},
		{"PhraseIsASequence", `"Gwadar port" attack`, `('gwadar' <-> 'port') & ('attack')`, true},
		{"PrefixOnTheLastToken", "attack*", `('attack':*)`, true},
		{"OperatorsAreWords", "a | b ! c", `('a') & ('b') & ('c')`, true},
		{"PunctuationSplitsTokens", `C++ a:b`, `('c') & ('a' <-> 'b')`, true},
		{"ApostropheAndBackslashSeparate", `it's x\y`, `('it' <-> 's') & ('x' <-> 'y')`, true},
		{"LatinDiacriticsRemoved", "Café NAÏVE", `('cafe') & ('naive')`, true},
		{"UrduMarksKept", "حملہ", `('حملہ')`, true},
		{"HanCutIntoCharacters", "走廊", `('走' <-> '廊')`, true},
		{"PunctuationOnlyDropped", `++ : * "" ()`, ``, false},
		{"Empty", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tsqueryOf(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("tsqueryOf(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestTSVector(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"PositionsInOrder", "Gwadar port, Gwadar", `'gwadar':1,3 'port':2`},
		{"ApostropheAndBackslashSeparate", `O'Neil a\b`, `'o':1 'neil':2 'a':3 'b':4`},
		{"HanCharactersAreTokens", "中巴 走廊", `'中':1 '巴':2 '走':3 '廊':4`},
		{"Empty", " -- ", ``},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tsvectorOf(tc.in); got != tc.want {
				t.Errorf("tsvectorOf(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	t.Run("WithinPostgreSQLsLimits", func(t *testing.T) {
		long := strings.Repeat("x", 3000) + " " + strings.Repeat("word ", 20000) + "end"
		v := tsvectorOf(long)
		if strings.Contains(v, "xxx") {
			t.Errorf("a token longer than a lexeme may be is kept")
		}
		if n := strings.Count(v, ","); n != tsMaxPositions-1 {
			t.Errorf("'word' keeps %d positions, want %d", n+1, tsMaxPositions)
		}
		if !strings.Contains(v, fmt.Sprintf("'end':%d", tsMaxPos)) {
			t.Errorf("the last token's position is not capped at %d: %.80q…", tsMaxPos, v[len(v)-40:])
		}
	})
}

// TestSearchAgreesAcrossEngines stores one corpus in SQLite and in
// PostgreSQL and asks both every word of it, prefixes, neighbouring pairs
// as phrases and in reverse order, with and without Latin diacritics:
// both must find the same items.
func TestSearchAgreesAcrossEngines(t *testing.T) {
	pgtest.Require(t)
	ctx := context.Background()
	texts := []string{
		"Attack near Gwadar port; security forces repelled it",
		"Café owners in Karachi: naïve hopes, Gwadar's port and C++ code",
		"CAFE prices rise — the caffeine economy of Lahore",
		"中巴经济走廊最新进展：瓜达尔港的建设正在加速。",
		"瓜达尔 港口 与 中国 工程师",
		"گوادر میں حملہ، سیکیورٹی فورسز نے حملہ ناکام بنا دیا",
		"حَمْلَہ کی خبر: گوادر بندرگاہ",
		"भारत और पाकिस्तान वार्ता फिर शुरू",
		"Überraschung in Zürich: Straße gesperrt, 3:1 for Pakistan",
		"IMF tariff talks; PSX up 2.5% on ３ signals",
		"The port of Gwadar, the port of Karachi, the port",
	}
	var items []model.Item
	for i, text := range texts {
		title, body, _ := strings.Cut(text, ":")
		items = append(items, item("dawn", fmt.Sprint(i), withTitle(title), withText(body)))
	}
	engines := map[string]*DB{
		"sqlite":   openTest(t),
		"postgres": openAt(t, pgtest.URL(t), Options{}),
	}
	for _, s := range engines {
		save(t, s, t0, "dawn", items...)
	}
	var queries []string
	for _, text := range texts {
		var words []string
		ftsTokens(text, func(tok string) { words = append(words, tok) })
		for i, w := range words {
			queries = append(queries, w, strings.ToUpper(w), foldToken(w))
			if utf8.RuneCountInString(w) > 3 {
				queries = append(queries, string([]rune(w)[:3])+"*")
			}
			if i > 0 {
				queries = append(queries, `"`+words[i-1]+" "+w+`"`, `"`+w+" "+words[i-1]+`"`, words[i-1]+" "+w)
			}
		}
		queries = append(queries, text)
	}
	queries = append(queries, "cafe", "café", "naive", "zurich", "strasse", "حملہ", "حَمْلَہ", "瓜达尔港", "港口", "3", "３")
	slices.Sort(queries)
	queries = slices.Compact(queries)
	for _, q := range queries {
		found := map[string][]string{}
		for name, s := range engines {
			got, _, err := s.Items(ctx, ItemQuery{Text: q, Limit: MaxLimit})
			if err != nil {
				t.Fatalf("%s: search %q: %v", name, q, err)
			}
			for _, it := range got {
				found[name] = append(found[name], it.Key)
			}
		}
		if !slices.Equal(found["sqlite"], found["postgres"]) {
			t.Errorf("search %q: SQLite finds %v, PostgreSQL %v", q, found["sqlite"], found["postgres"])
		}
	}
	t.Logf("%d searches agree", len(queries))
}
