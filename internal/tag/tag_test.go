package tag

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"aggregator/internal/model"
	"aggregator/internal/normalize"
)

func kw(keywords ...string) model.Topic { return model.Topic{ID: "t", Keywords: keywords} }
func q(query string) model.Topic        { return model.Topic{ID: "t", Query: query} }

func title(s string) model.Item { return model.Item{Title: s} }

// html is an item whose content is HTML run through normalize.Text, as the
// pipeline does.
func html(s string) model.Item { return model.Item{ContentText: normalize.Text(s)} }

func TestTag(t *testing.T) {
	withExclude := func(tp model.Topic, ex ...string) model.Topic { tp.Exclude = ex; return tp }
	withFields := func(tp model.Topic, f ...string) model.Topic { tp.Fields = f; return tp }
	dawn := model.Source{ID: "dawn", Region: "pakistan", Language: "ur-PK"}
	tests := []struct {
		name  string
		topic model.Topic
		item  model.Item
		src   model.Source
		want  bool
	}{
		// English words, prefixes, phrases.
		{"CaseInsensitive", kw("attack"), title("ATTACK on convoy"), dawn, true},
		{"WholeWordBeforeComma", kw("attack"), title("Attack, then retreat"), dawn, true},
		{"NotInsideLongerWord", kw("attack"), title("The attacker fled"), dawn, false},
		{"NotAsSuffix", kw("tack"), title("an attack"), dawn, false},
		{"PrefixMatchesPlural", kw("attack*"), title("Two attacks in Quetta"), dawn, true},
		{"PrefixMatchesAttacker", kw("attack*"), title("attacker held"), dawn, true},
		{"PrefixMatchesWholeWord", kw("attack*"), title("attack"), dawn, true},
		{"PrefixNeedsWordStart", kw("tack*"), title("attacks"), dawn, false},
		{"PhrasePrefixLastWord", kw("prime minist*"), title("Prime Ministers meet"), dawn, true},
		{"PhrasePrefixLastWordWhole", kw("prime minist*"), title("the prime minist"), dawn, true},
		{"PhrasePrefixNotFirstWord", kw("prim minister*"), title("prime minister"), dawn, false},
		{"PhraseSecondWordDiffers", kw("prime minister"), title("prime ministry"), dawn, false},
		{"PhraseSecondWordLonger", kw("prime minister"), title("prime ministers"), dawn, false},
		{"PhraseAfterSharedFirstWord", kw("prime minister", "prime time"), title("in prime time"), dawn, true},
		{"PhraseThreeWords", kw("belt and road"), title("Belt and Road forum"), dawn, true},
		{"PhraseThreeWordsThirdDiffers", kw("belt and road"), title("belt and roads"), dawn, false},
		{"PrefixAndPhraseFromOneWord", kw("gwad*", "gwadar port"), title("Gwadarport"), dawn, true},
		{"PrefixShorterThanFilterKey", kw("ka*"), title("Karachi"), dawn, true},
		{"PhraseHyphenMatchesSpace", kw("China-Pakistan Economic Corridor"), title("China Pakistan economic corridor"), dawn, true},
		{"PhraseSpaceMatchesHyphens", kw("China Pakistan Economic Corridor"), title("China-Pakistan Economic-Corridor"), dawn, true},
		{"PhrasePunctuationRuns", kw("Belt and Road"), title("belt -- and, road"), dawn, true},
		{"PhraseEnDash", kw("China-Pakistan"), title("China–Pakistan ties"), dawn, true},
		{"PhraseNeedsAdjacentWords", kw("Economic Corridor"), title("economic and corridor"), dawn, false},
		{"PhraseDoesNotCrossParagraphs", kw("Pakistan Economic"), html("<p>China Pakistan</p><p>Economic Corridor</p>"), dawn, false},
		{"PhraseDoesNotCrossCategories", kw("Pakistan Economy"), model.Item{Categories: []string{"Pakistan", "Economy"}}, dawn, false},
		{"PossessiveStraightApostrophe", kw("Pakistan"), title("Pakistan's army"), dawn, true},
		{"PossessiveCurlyApostrophe", kw("Pakistan"), title("Pakistan’s army"), dawn, true},
		{"DemonymIsAnotherWord", kw("Pakistan"), title("Pakistanis abroad"), dawn, false},
		{"PossessiveKeyword", kw("Pakistan's"), title("Pakistan’s army"), dawn, true},
		{"DottedAcronym", kw("U.S."), title("the U.S. said"), dawn, true},
		{"HyphenatedModel", kw("F-16"), title("F 16 jets"), dawn, true},
		{"MarkupInsideWordDoesNotSplit", kw("Pakistan"), html("<p>Paki<b>stan</b> today</p>"), dawn, true},
		{"EntityApostrophe", kw("Pakistan"), html("<p>Pakistan&#8217;s economy</p>"), dawn, true},
		{"NoBreakSpaceInPhrase", kw("China Pakistan"), title("China\u00a0Pakistan"), dawn, true},
		{"FullwidthLatinNFKC", kw("cpec"), title("ＣＰＥＣ projects"), dawn, true},
		{"LigatureNFKC", kw("finance"), title("ﬁnance ministry"), dawn, true},
		{"SharpSCaseFold", kw("strasse"), title("Straße"), dawn, true},
		{"DecomposedAccent", kw("café"), title("cafe\u0301 owners"), dawn, true},
		{"AccentsAreNotIgnored", kw("cafe"), title("café"), dawn, false},
		{"SoftHyphenRemoved", kw("Pakistan"), title("Paki\u00adstan"), dawn, true},
		{"ZeroWidthSpaceRemoved", kw("Gwadar"), title("Gwa\u200bdar"), dawn, true},
		// Urdu and Arabic script.
		{"UrduWord", kw("پاکستان"), title("پاکستان میں بارش"), dawn, true},
		{"UrduZWNJRemoved", kw("پاکستان"), title("پاک\u200cستان"), dawn, true},
		{"UrduZWNJInKeyword", kw("پاک\u200cستان"), title("پاکستان"), dawn, true},
		{"UrduArabicYehMatchesFarsiYeh", kw("چینی"), title("چيني سرمایہ کاری"), dawn, true},
		{"UrduAlefMaksura", kw("عیسی"), title("عيسى"), dawn, true},
		{"UrduArabicKafMatchesKeheh", kw("کراچی"), title("كراچی"), dawn, true},
		{"UrduArabicHehMatchesHehGoal", kw("حملہ"), title("حمله"), dawn, true},
		{"UrduDoachashmeeHehDistinct", kw("بہارت"), title("بھارت"), dawn, false},
		{"UrduHarakatRemoved", kw("پاکستان"), title("پاکِستان"), dawn, true},
		{"UrduTatweelRemoved", kw("پاکستان"), title("پاکـــستان"), dawn, true},
		{"UrduWholeWord", kw("پاک"), title("پاکستان"), dawn, false},
		{"UrduPrefix", kw("پاک*"), title("پاکستان"), dawn, true},
		{"UrduArabicComma", kw("گوادر"), title("گوادر، بلوچستان"), dawn, true},
		{"UrduPhraseHyphen", kw("چین پاکستان اقتصادی راہداری"), title("چین-پاکستان اقتصادی راہداری"), dawn, true},
		{"UrduBidiMarksRemoved", kw("گوادر"), title("\u200fگوادر\u200f"), dawn, true},
		{"ExtendedArabicIndicDigits", kw("2024"), title("۲۰۲۴ بجٹ"), dawn, true},
		// Chinese, Japanese, Thai: substrings.
		{"ChineseSubstring", kw("经济走廊"), title("中巴经济走廊建设"), dawn, true},
		{"ChineseAbsent", kw("走廊"), title("中巴经济"), dawn, false},
		{"LatinWordInsideChinese", kw("CPEC"), title("中巴CPEC项目"), dawn, true},
		{"LatinPrefixNotInsideLatinWord", kw("CPEC"), title("中巴CPECX项目"), dawn, false},
		{"ChineseFullwidthComma", kw("经济走廊"), title("中巴，经济走廊"), dawn, true},
		{"JapaneseKatakana", kw("パキスタン"), title("パキスタン政府"), dawn, true},
		{"HalfwidthKatakanaNFKC", kw("パキスタン"), title("ﾊﾟｷｽﾀﾝ政府"), dawn, true},
		{"ThaiSubstring", kw("ปากีสถาน"), title("ประเทศปากีสถาน"), dawn, true},
		// Hindi: marks belong to words.
		{"HindiWord", kw("पाकिस्तान"), title("पाकिस्तान में चुनाव"), dawn, true},
		{"HindiVowelSignContinuesWord", kw("भारत"), title("भारती"), dawn, false},
		{"HindiPrefix", kw("भारत*"), title("भारतीय सेना"), dawn, true},
		{"HindiNuktaNormalised", kw("\u0958ानून"), title("\u0915\u093cानून"), dawn, true},
		{"HindiDanda", kw("चुनाव"), title("चुनाव।"), dawn, true},
		// Excludes, fields, source topics.
		{"ExcludeVetoes", withExclude(kw("Pakistan"), "cricket"), title("Pakistan cricket team"), dawn, false},
		{"ExcludeInOtherFieldVetoes", withExclude(kw("Pakistan"), "cricket"), model.Item{Title: "Pakistan wins", SummaryText: "a cricket match"}, dawn, false},
		{"ExcludeIsWholeWord", withExclude(kw("Pakistan"), "cricket"), title("Pakistan crickets chirp"), dawn, true},
		{"ExcludePrefix", withExclude(kw("Pakistan"), "cricket*"), title("Pakistan cricketers"), dawn, false},
		{"FieldsLimitKeywords", withFields(kw("Gwadar"), "title"), model.Item{Title: "Port news", ContentText: "Gwadar"}, dawn, false},
		{"FieldsAllowTitle", withFields(kw("Gwadar"), "title"), title("Gwadar port"), dawn, true},
		{"FieldsCategories", withFields(kw("CPEC"), "categories"), model.Item{Title: "CPEC", Categories: []string{"Business", "CPEC"}}, dawn, true},
		{"ExcludeOutsideFieldsIgnored", withExclude(withFields(kw("Gwadar"), "title"), "cricket"), model.Item{Title: "Gwadar", ContentText: "cricket"}, dawn, true},
		{"SourceTopicAlwaysApplies", kw("Gwadar"), title("Weather"), model.Source{ID: "s", Topics: []string{"t"}}, true},
		{"SourceTopicIgnoresExclude", withExclude(kw("Gwadar"), "cricket"), title("cricket"), model.Source{ID: "s", Topics: []string{"t"}}, true},
		// Queries.
		{"QueryAnd", q("gwadar AND attack"), title("Attack in Gwadar"), dawn, true},
		{"QueryAndNeedsBoth", q("gwadar AND attack"), title("Gwadar port"), dawn, false},
		{"QueryImplicitAnd", q("gwadar attack"), title("Gwadar: attack repelled"), dawn, true},
		{"QueryOr", q("karachi OR lahore"), title("Lahore smog"), dawn, true},
		{"QueryNot", q("gwadar NOT cricket"), title("Gwadar cricket stadium"), dawn, false},
		{"QueryOrBindsLooserThanAnd", q("flood OR rain AND karachi"), title("flood"), dawn, true},
		{"QueryAndBindsTighterThanOr", q("flood OR rain AND karachi"), title("rain in Lahore"), dawn, false},
		{"QueryNotBindsTighterThanAnd", q("NOT cricket AND gwadar"), title("Gwadar port"), dawn, true},
		{"QueryParentheses", q("(flood OR rain) AND karachi"), title("rain in Karachi"), dawn, true},
		{"QueryParenthesesNeedBoth", q("(flood OR rain) AND karachi"), title("flood"), dawn, false},
		{"QueryPhrase", q(`"China-Pakistan Economic Corridor" AND security`), title("Security for China Pakistan economic corridor"), dawn, true},
		{"QueryPhrasePrefix", q(`"economic corr"*`), title("economic corridors"), dawn, true},
		{"QueryWordPrefix", q("attack*"), title("attackers"), dawn, true},
		{"QueryFieldTitleMisses", q("title:gwadar"), model.Item{Title: "Port", ContentText: "Gwadar"}, dawn, false},
		{"QueryFieldTitleHits", q("title:gwadar"), title("Gwadar"), dawn, true},
		{"QueryFieldGroup", q("title:(gwadar OR karachi) AND attack"), model.Item{Title: "Karachi", SummaryText: "attack"}, dawn, true},
		{"QueryFieldPhrase", q(`summary:"belt and road"`), model.Item{SummaryText: "Belt-and-Road"}, dawn, true},
		{"QuerySource", q("source:dawn AND gwadar"), title("Gwadar"), dawn, true},
		{"QuerySourceOther", q("source:tribune AND gwadar"), title("Gwadar"), dawn, false},
		{"QueryRegion", q("region:pakistan"), title("anything"), dawn, true},
		{"QueryLanguageVariant", q("language:ur AND گوادر"), title("گوادر"), dawn, true},
		{"QueryOnlyNot", q("NOT cricket"), title("weather"), dawn, true},
		{"QueryNearWithin", q("gwadar NEAR/3 attack"), title("attack on the Gwadar port"), dawn, true},
		{"QueryNearTooFar", q("gwadar NEAR/1 attack"), title("attack on the Gwadar port"), dawn, false},
		{"QueryNearEitherOrder", q("attack NEAR/2 gwadar"), title("Gwadar port attack"), dawn, true},
		{"QueryNearSameFieldOnly", q("gwadar NEAR/5 attack"), model.Item{Title: "Gwadar", SummaryText: "attack"}, dawn, false},
		{"QueryNearPhraseAdjacent", q(`"gwadar port" NEAR/0 attack`), title("Gwadar port attack"), dawn, true},
		{"QueryNearChineseCharactersAreWords", q("中国 NEAR/1 巴基斯坦"), title("中国和巴基斯坦"), dawn, true},
		{"QueryNearOrGroup", q("(power OR electricity) NEAR/2 (ministry OR minister)"), title("the electricity and water ministry"), dawn, true},
		{"QueryNearOrGroupTooFar", q("(power OR electricity) NEAR/1 (ministry OR minister)"), title("the electricity and water ministry"), dawn, false},
		{"QueryLowercaseAndIsAWord", q("gwadar and attack"), title("Gwadar attack"), dawn, false},
		{"QueryExcludeStillVetoes", withExclude(q("gwadar"), "cricket"), title("Gwadar cricket"), dawn, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg, err := Compile([]model.Topic{tc.topic})
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			it := tc.item
			got := slices.ContainsFunc(tg.Tag(&it, tc.src), func(m model.TopicMatch) bool { return m.Topic == "t" })
			if got != tc.want {
				t.Errorf("applied = %v, want %v; folded item %q; explain %+v", got, tc.want, Fold(it.Title+"\n"+it.SummaryText+"\n"+it.ContentText), tg.Explain(&it, tc.src))
			}
		})
	}
}

func TestQueryErrors(t *testing.T) {
	tests := []struct {
		name, query string
		column      int
		message     string
	}{
		{"UnclosedParen", "(gwadar OR attack", 1, "never closed"},
		{"MissingTermAtEnd", "gwadar AND", 11, "missing at the end"},
		{"LeadingOperator", "AND gwadar", 1, "found AND"},
		{"DoubleOperator", "gwadar OR OR attack", 11, "found OR"},
		{"UnmatchedParen", "gwadar)", 7, "unmatched )"},
		{"UnterminatedQuote", `attack "gwadar port`, 8, "unterminated"},
		{"UnknownField", "gwadar foo:bar", 8, `unknown field "foo"`},
		{"NearWithoutDistance", "gwadar NEAR attack", 8, "NEAR/5"},
		{"NearBadDistance", "gwadar NEAR/x attack", 8, "distance"},
		{"NearOnAndGroup", "(a AND b) NEAR/3 c", 11, "two terms"},
		{"NearOnNot", "a NEAR/3 NOT c", 10, "found NOT"},
		{"NearChained", "a NEAR/3 b NEAR/3 c", 12, "chained"},
		{"FieldWithoutOperand", "title: AND x", 1, "needs a term"},
		{"EmptyPhrase", `gwadar ""`, 8, "no letters"},
		{"ColumnsCountCharacters", "گوادر AND )", 11, "found )"},
		{"StarInsideWord", "a*b", 1, "only allowed at the end"},
		{"MetaWithoutValue", "source:", 1, "needs a value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile([]model.Topic{{ID: "a"}, {ID: "b", Query: tc.query}})
			var ps Problems
			if !asProblems(err, &ps) || len(ps) != 1 {
				t.Fatalf("Compile error = %v, want one problem", err)
			}
			p := ps[0]
			if p.Path != "topics[1].query" || p.Column != tc.column || !strings.Contains(p.Message, tc.message) {
				t.Errorf("problem = %+v, want topics[1].query column %d containing %q", p, tc.column, tc.message)
			}
		})
	}
}

func asProblems(err error, ps *Problems) bool {
	p, ok := err.(Problems)
	*ps = p
	return ok
}

func TestCompileReportsEveryProblem(t *testing.T) {
	_, err := Compile([]model.Topic{
		{ID: "ok", Keywords: []string{"Gwadar"}},
		{ID: "b", Keywords: []string{"x", "---"}, Fields: []string{"title", "body"}},
		{ID: "ok", Keywords: []string{"y"}},
		{ID: "c", Keywords: []string{"z"}, Query: "z"},
		{ID: "", Keywords: []string{"w"}},
		{ID: "d", Exclude: []string{"*"}, Query: "(a"},
	})
	var ps Problems
	if !asProblems(err, &ps) {
		t.Fatalf("err = %v, want Problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Path)
	}
	want := []string{"topics[1].fields[1]", "topics[1].keywords[1]", "topics[2].id", "topics[3].query", "topics[4].id", "topics[5].exclude[0]", "topics[5].query"}
	if !slices.Equal(got, want) {
		t.Errorf("problem paths = %q, want %q\n%v", got, want, err)
	}
}

func TestTagResult(t *testing.T) {
	tg, err := Compile([]model.Topic{
		{ID: "security", Keywords: []string{"attack*", "blast"}},
		{ID: "cpec", Keywords: []string{"CPEC", "Gwadar", "gwadar", "China-Pakistan Economic Corridor"}},
		{ID: "cricket", Keywords: []string{"cricket"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	it := model.Item{Title: "Gwadar: attack on CPEC convoy", SummaryText: "Attackers targeted the Gwadar road."}
	got := tg.Tag(&it, model.Source{ID: "dawn", Topics: []string{"pakistan"}})
	var ids []string
	for _, m := range got {
		ids = append(ids, m.Topic)
	}
	if want := []string{"cpec", "pakistan", "security"}; !slices.Equal(ids, want) {
		t.Fatalf("topics = %q, want %q", ids, want)
	}
	if want := []string{"CPEC", "Gwadar"}; !slices.Equal(got[0].Terms, want) {
		t.Errorf("cpec terms = %q, want %q (configured spelling, distinct, configured order)", got[0].Terms, want)
	}
	if len(got[1].Terms) != 0 || len(got[1].Hits) != 0 {
		t.Errorf("source-only topic = %+v, want no terms", got[1])
	}
	wantHits := []model.Hit{{Term: "Gwadar", Field: "title", Offset: 0}, {Term: "CPEC", Field: "title", Offset: 18}, {Term: "Gwadar", Field: "summary", Offset: 23}}
	if !slices.Equal(got[0].Hits, wantHits) {
		t.Errorf("cpec hits = %+v, want %+v", got[0].Hits, wantHits)
	}
	if want := []string{"attack*"}; !slices.Equal(got[2].Terms, want) {
		t.Errorf("security terms = %q, want %q", got[2].Terms, want)
	}
}

func TestHitOffsetsPointAtOriginalText(t *testing.T) {
	tests := []struct {
		name, keyword, text, wantAt string
	}{
		{"AfterMultibytePunctuation", "CPEC", "Breaking — Pakistan’s CPEC plan", "CPEC plan"},
		{"PhraseWithHyphen", "China Pakistan", "“China-Pakistan” ties", "China-Pakistan"},
		{"FullwidthLetters", "cpec", "新闻 ＣＰＥＣ", "ＣＰＥＣ"},
		{"UrduAfterZWNJ", "پاکستان", "خبر: پاک\u200cستان", "پاک\u200cستان"},
		{"UrduWithArabicYeh", "چینی", "خبر چيني", "چيني"},
		{"Chinese", "经济走廊", "中巴经济走廊", "经济走廊"},
		{"Hindi", "भारत", "खबर: भारत में", "भारत में"},
		{"DecomposedAccent", "café", "le cafe\u0301", "cafe\u0301"},
		{"AfterCollapsedSpaces", "gwadar", "  a   \t  Gwadar", "Gwadar"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tg, err := Compile([]model.Topic{kw(tc.keyword)})
			if err != nil {
				t.Fatal(err)
			}
			it := model.Item{SummaryText: tc.text}
			ms := tg.Tag(&it, model.Source{})
			if len(ms) != 1 || len(ms[0].Hits) != 1 {
				t.Fatalf("matches = %+v, want one hit", ms)
			}
			h := ms[0].Hits[0]
			if h.Field != "summary" || !strings.HasPrefix(tc.text[h.Offset:], tc.wantAt) {
				t.Errorf("hit %+v points at %q, want %q", h, tc.text[h.Offset:], tc.wantAt)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	tg, err := Compile([]model.Topic{
		{ID: "cpec", Keywords: []string{"Gwadar"}, Exclude: []string{"cricket"}},
		{ID: "energy", Keywords: []string{"solar"}},
		{ID: "security", Query: "attack AND NOT cricket"},
	})
	if err != nil {
		t.Fatal(err)
	}
	it := model.Item{Title: "Gwadar cricket ground attack"}
	ex := tg.Explain(&it, model.Source{ID: "dawn", Topics: []string{"energy", "pakistan"}})
	want := []struct {
		topic   string
		applied bool
		reason  string
		hits    int
		vetoes  int
	}{
		{"cpec", false, `vetoed by exclude: "cricket" in title`, 1, 1},
		{"energy", true, "source dawn applies it to every item; no keyword matched", 0, 0},
		{"security", false, "query does not hold", 1, 0},
		{"pakistan", true, "source dawn applies it", 0, 0},
	}
	if len(ex) != len(want) {
		t.Fatalf("explanations = %+v", ex)
	}
	for i, w := range want {
		e := ex[i]
		if e.Topic != w.topic || e.Applied != w.applied || !strings.Contains(e.Reason, w.reason) || len(e.Hits) != w.hits || len(e.Vetoes) != w.vetoes {
			t.Errorf("explanation %d = %+v, want %+v", i, e, w)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Pakistan's  China-Pakistan\tEconomic   Corridor  ", "pakistan s china pakistan economic corridor"},
		{"one\n\n two", "one\ntwo"},
		{"ＣＰＥＣ ﬁne STRASSE Straße", "cpec fine strasse strasse"},
		{"پاک\u200cستان يكه ۲۰۲۴", "پاکستان یکہ 2024"},
		{"--", ""},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTagIsSafeForConcurrentUse(t *testing.T) {
	tg, err := Compile([]model.Topic{{ID: "cpec", Keywords: []string{"Gwadar"}}, {ID: "sec", Query: "attack NEAR/3 gwadar"}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				it, want := model.Item{Title: "attack near Gwadar"}, 2
				if i%2 == g%2 {
					it.Title, want = "nothing here", 0
				}
				if got := tg.Tag(&it, model.Source{}); len(got) != want {
					t.Errorf("got %d topics, want %d", len(got), want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestTagResultSlicesAreIndependent(t *testing.T) {
	tg, err := Compile([]model.Topic{
		{ID: "a", Keywords: []string{"attack*", "gwadar"}},
		{ID: "b", Keywords: []string{"attack", "port"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	it := model.Item{Title: "attack attackers gwadar port"}
	got := tg.Tag(&it, model.Source{})
	if len(got) != 2 {
		t.Fatalf("got %+v, want topics a and b", got)
	}
	wantA := []model.Hit{{Term: "attack*", Field: "title", Offset: 0}, {Term: "attack*", Field: "title", Offset: 7}, {Term: "gwadar", Field: "title", Offset: 17}}
	wantB := []model.Hit{{Term: "attack", Field: "title", Offset: 0}, {Term: "port", Field: "title", Offset: 24}}
	if !slices.Equal(got[0].Hits, wantA) || !slices.Equal(got[1].Hits, wantB) {
		t.Fatalf("hits = %+v and %+v, want %+v and %+v", got[0].Hits, got[1].Hits, wantA, wantB)
	}
	// A caller appending to one topic's slices must not write into the next.
	_ = append(got[0].Hits, model.Hit{Term: "x"})
	_ = append(got[0].Terms, "x")
	if !slices.Equal(got[1].Hits, wantB) || !slices.Equal(got[1].Terms, []string{"attack", "port"}) {
		t.Errorf("topic b changed by appends to topic a: %+v", got[1])
	}
}
