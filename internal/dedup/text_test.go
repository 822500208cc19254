package dedup

import (
	"slices"
	"testing"
)

func TestStripDateline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"APPWithDate", "ISLAMABAD, Nov 14 (APP): The cabinet met.", "The cabinet met."},
		{"ReutersDash", "KARACHI, Nov 4 (Reuters) - Pakistan's central bank cut", "Pakistan's central bank cut"},
		{"XinhuaDoubleDash", "BEIJING, Nov. 14 (Xinhua) -- China and Pakistan held", "China and Pakistan held"},
		{"PTIWithoutSeparator", "NEW DELHI, Nov 18 (PTI) Delhi's air quality", "Delhi's air quality"},
		{"PlaceAndDate", "Islamabad, November 14, 2025: Officials said", "Officials said"},
		{"UpperCasePlace", "PESHAWAR - At least 12 people", "At least 12 people"},
		{"PlaceColon", "Karachi: The index rose", "The index rose"},
		{"KeepsAcronymInBrackets", "The International Monetary Fund (IMF) said", "The International Monetary Fund (IMF) said"},
		{"KeepsHyphenatedName", "Pakistan-China ties are strong", "Pakistan-China ties are strong"},
		{"Chinese", "新华社北京10月18日电 国家统计局18日发布数据", "国家统计局18日发布数据"},
		{"ChineseWithReporter", "新华社北京5月20日电（记者张三）王毅表示", "王毅表示"},
		{"Urdu", "اسلام آباد (اے پی پی) وفاقی حکومت نے", "وفاقی حکومت نے"},
		{"UrduKeepsOtherBrackets", "وزیراعظم (شہباز شریف) نے کہا", "وزیراعظم (شہباز شریف) نے کہا"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := stripDateline(tc.in); got != tc.want {
				t.Errorf("stripDateline(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kills", "kill"}, {"killed", "kill"}, {"killing", "kill"},
		{"rises", "ris"}, {"rising", "ris"}, {"rise", "ris"},
		{"casualties", "casualty"}, {"stopped", "stop"},
		{"process", "process"}, {"crisis", "crisis"}, {"bus", "bus"},
		{"imf", "imf"}, {"پیٹرول", "پیٹرول"}, {"zürich", "zürich"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := stem(tc.in); got != tc.want {
				t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func words(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

func TestAnalyse(t *testing.T) {
	tests := []struct {
		name           string
		title, content string
		want           []string
		entities       []string
	}{
		{
			name:     "NumbersLoseSeparatorsAndWordsBecomeDigits",
			content:  "The index gained 1,023.45 points as seven sectors rose.",
			want:     []string{"index", "gain", "1023.45", "point", "7", "sector", "ros"},
			entities: []string{"1023.45", "7"},
		},
		{
			name:     "NamesMidSentenceAreEntitiesEverywhere",
			title:    "Blast In Quetta",
			content:  "Quetta police said the blast hit Pakistan's largest market. Shops in Quetta shut.",
			want:     []string{"blast", "quetta", "quetta", "polic", "blast", "hit", "pakistan", "largest", "market", "shop", "quetta", "shut"},
			entities: []string{"quetta", "quetta", "pakistan", "quetta"},
		},
		{
			name:    "SentenceStartAloneIsNoName",
			content: "Police said the market shut.",
			want:    []string{"polic", "market", "shut"},
		},
		{
			name:     "AcronymsAreEntities",
			content:  "Talks with the IMF resumed.",
			want:     []string{"talk", "imf", "resum"},
			entities: []string{"imf"},
		},
		{
			name:     "BoilerplateSentencesDropped",
			content:  "Rain lashed Lahore.\nFollow us on Twitter for more.\nCopyright © 2025 The Nation.",
			want:     []string{"rain", "lash", "lahor"},
			entities: []string{"lahor"},
		},
		{
			name:     "ChineseBigramsAndDigits",
			content:  "新华社北京10月18日电 经济增长4.8%。",
			want:     []string{"经济", "济增", "增长", "4.8"},
			entities: []string{"4.8"},
		},
		{
			name:     "UrduDigitsAndStopwords",
			content:  "پیٹرول کی قیمت میں ۱۰ روپے کمی",
			want:     []string{"پیٹرول", "قیمت", "10", "روپے", "کمی"},
			entities: []string{"10"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := analyse(tc.title, "", tc.content)
			if got := words(toks); !slices.Equal(got, tc.want) {
				t.Errorf("words = %q, want %q", got, tc.want)
			}
			var ents []string
			for _, tk := range toks {
				if tk.entity {
					ents = append(ents, tk.text)
				}
			}
			if !slices.Equal(ents, tc.entities) {
				t.Errorf("entities = %q, want %q", ents, tc.entities)
			}
		})
	}
}

func TestSummaryRepeatingContentCountsOnce(t *testing.T) {
	content := "Gunmen killed seven labourers in Kech. The Levies said no group claimed it."
	once := analyse("Title", "", content)
	twice := analyse("Title", "Gunmen killed seven labourers in Kech.", content)
	if !slices.Equal(words(once), words(twice)) {
		t.Errorf("summary that starts the content changed the tokens: %q vs %q", words(once), words(twice))
	}
	extra := analyse("Title", "An outlet's own summary about Kech.", content)
	if len(extra) <= len(once) {
		t.Errorf("a summary of its own should add tokens: %d vs %d", len(extra), len(once))
	}
}
