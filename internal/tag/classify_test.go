package tag

import (
	"slices"
	"strings"
	"testing"

	"aggregator/internal/model"
)

// borderTopic is a security topic whose keywords miss infiltration news
// that its examples teach.
func borderTopic() model.Topic {
	in := []string{
		"Army foils infiltration bid along the Line of Control",
		"Troops kill three infiltrators on the border",
		"Infiltration attempt foiled near border post, army says",
		"Security forces repulse infiltrators in Kupwara sector",
		"边境渗透企图被挫败 三名武装人员被击毙",
		"边防部队挫败越境渗透",
	}
	out := []string{
		"Cricket team wins the series in Lahore",
		"Rupee gains against the dollar in interbank trade",
		"Prime minister inaugurates a hospital in Multan",
		"Heavy rain expected in Karachi this week",
		"股市收涨 科技股领涨",
		"新医院在北京开业",
		"Border town celebrates spring festival with music",
	}
	tp := model.Topic{ID: "security", Keywords: []string{"attack"}, Exclude: []string{"drill"},
		Classifier: model.Classifier{Enabled: true, Threshold: 0.5}}
	for _, s := range in {
		tp.Examples = append(tp.Examples, model.Example{Text: s, In: true})
	}
	for _, s := range out {
		tp.Examples = append(tp.Examples, model.Example{Text: s})
	}
	return tp
}

func compileOne(t *testing.T, tp model.Topic) *Tagger {
	t.Helper()
	tg, err := Compile([]model.Topic{tp})
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestClassifier(t *testing.T) {
	tg := compileOne(t, borderTopic())
	off := borderTopic()
	off.Classifier.Enabled = false
	rulesOnly := compileOne(t, off)
	tests := []struct {
		name    string
		item    model.Item
		want    bool
		wantVia string
	}{
		{"RulesStillApply", title("Attack on a convoy"), true, ""},
		{"ClassifierFindsUnseenWording", title("Infiltrators killed as troops foil bid on the border"), true, model.ViaClassifier},
		{"ClassifierReadsChineseWithoutSegmenter", title("部队挫败渗透企图"), true, model.ViaClassifier},
		{"ClassifierReadsTheSummary", model.Item{Title: "Three killed", SummaryText: "Troops foiled an infiltration bid on the border."}, true, model.ViaClassifier},
		{"UnrelatedStaysOut", title("Rupee gains in interbank trade as stocks rise"), false, ""},
		{"ExcludeVetoesTheClassifier", title("Troops foil infiltration bid on the border in a drill"), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tg.Tag(&tt.item, model.Source{})
			if applied := len(got) == 1; applied != tt.want {
				t.Fatalf("topics %+v, want applied %v", got, tt.want)
			}
			if tt.want && got[0].Via != tt.wantVia {
				t.Errorf("via %q, want %q", got[0].Via, tt.wantVia)
			}
			if tt.wantVia != "" && len(rulesOnly.Tag(&tt.item, model.Source{})) != 0 {
				t.Errorf("the rules alone apply the topic: the case does not test the classifier")
			}
		})
	}
}

func TestClassifierIsDeterministic(t *testing.T) {
	a, b := compileOne(t, borderTopic()), compileOne(t, borderTopic())
	corpus := Corpus{Items: []model.Item{
		{ID: 2, Title: "Attack on a checkpoint in the north"},
		{ID: 1, Title: "Stocks rise on hopes of a rate cut"},
	}}
	a.Train(corpus)
	corpus.Items[0], corpus.Items[1] = corpus.Items[1], corpus.Items[0] // order given does not matter
	b.Train(corpus)
	if !slices.Equal(a.classifiers[0].table.w, b.classifiers[0].table.w) || a.classifiers[0].bias != b.classifiers[0].bias {
		t.Error("two trainings on the same inputs differ")
	}
}

func TestClassifierLearnsFromStoredItemsWithKeywordsMasked(t *testing.T) {
	tp := model.Topic{ID: "energy", Keywords: []string{"load shedding"}, Classifier: model.Classifier{Enabled: true}}
	tg := compileOne(t, tp)
	var items []model.Item
	for i, s := range []string{
		"Hours of load shedding anger residents as the grid fails",
		"Load shedding returns as the grid fails in the heat",
		"Residents protest load shedding, grid fails again",
		"Cricket board names a new captain",
		"Court adjourns hearing in a land case",
		"Heat wave grips the city, hospitals on alert",
	} {
		items = append(items, model.Item{ID: int64(i + 1), Title: s})
	}
	if w := tg.Train(Corpus{Items: items}); len(w) != 0 {
		t.Fatalf("warnings %q", w)
	}
	it := title("The grid fails across the province")
	got := tg.Tag(&it, model.Source{})
	if len(got) != 1 || got[0].Via != model.ViaClassifier {
		t.Fatalf("topics %+v: want energy from the classifier, learnt from the context of the rules' matches", got)
	}
	// What the classifier reads of a matched item has the keyword masked.
	sc := tg.pool.Get().(*scratch)
	tg.scan(sc, &items[0])
	tg.features(sc, 0, nil)
	if text := string(sc.text); strings.Contains(text, "shedding") || !strings.Contains(text, string(rune(maskByte))+" anger") {
		t.Errorf("classified text %q: want the keyword masked", text)
	}
	ex := tg.Explain(&items[0], model.Source{})
	if c := ex[0].Classifier.Trained; c.RulesIn != 3 || c.RulesOut != 3 {
		t.Errorf("trained on %+v, want 3 stored items in and 3 out", c)
	}
}

func TestClassifierExampleNamingMissingItem(t *testing.T) {
	tp := borderTopic()
	tp.Examples = append(tp.Examples, model.Example{ItemID: 9, In: true, At: "c.yaml:3"},
		model.Example{URL: "https://a.example/x", In: true, At: "c.yaml:4"})
	tg := compileOne(t, tp)
	found := model.Item{Title: "Infiltration bid foiled"}
	warnings := tg.Train(Corpus{Lookup: func(ex model.Example) (model.Item, bool) { return found, ex.ItemID == 9 }})
	if want := []string{"c.yaml:4: topic security: example https://a.example/x: no stored item; left out"}; !slices.Equal(warnings, want) {
		t.Errorf("warnings %q, want %q", warnings, want)
	}
	if c := tg.classifiers[0].trained; c.ExamplesIn != 7 {
		t.Errorf("examples in %d, want 7 (6 headlines and the stored item found)", c.ExamplesIn)
	}
}

func TestExplainShowsClassifier(t *testing.T) {
	tg := compileOne(t, borderTopic())
	it := title("Infiltrators killed as troops foil bid on the border")
	ex := tg.Explain(&it, model.Source{})
	c := ex[0].Classifier
	if c == nil || !ex[0].Applied || ex[0].Via != model.ViaClassifier {
		t.Fatalf("explanation %+v: want applied via the classifier", ex[0])
	}
	if c.Threshold != 0.5 || c.Score < c.Threshold || len(c.Grams) == 0 || c.Grams[0].Weight <= 0 {
		t.Errorf("classifier %+v: want a score over 0.5 and the grams weighing most, positive first", c)
	}
	if !strings.Contains(ex[0].Reason, "classifier scores") {
		t.Errorf("reason %q does not name the classifier", ex[0].Reason)
	}
	if d := tg.Doubts(&it, model.Source{}); len(d) != 0 {
		t.Errorf("doubts %q: the rules do not apply the topic", d)
	}
}
