package tag

import (
	"runtime"
	"slices"
	"testing"

	"aggregator/internal/config"
	"aggregator/internal/model"
)

// BenchmarkTagClassifiersVsRules measures the cost bar: Tag with
// the shipped topics' classifiers on (as config.yaml sets them, trained on
// its examples) within 2x of the same topics' rules alone: the ratio
// reported, classifiers/rules in items per CPU second of the benchmark's
// thread, is to stay at 0.5 or more. Both
// sides run over the same news-like items (title, two-sentence summary,
// article text), interleaved in blocks as in
// BenchmarkTag1000TopicsVs10Topics.
func BenchmarkTagClassifiersVsRules(b *testing.B) { benchClassifiers(b, benchNewsItems()) }

// BenchmarkTagClassifiersVsRulesHeadlines is the same over real headlines
// with their first sentence (the tuning half of testdata/eval): short
// items, where the classifiers' share of the work is largest.
func BenchmarkTagClassifiersVsRulesHeadlines(b *testing.B) {
	rows, ok := readEvalTSV(b, evalDir+"/tune-items.tsv", 5)
	if !ok {
		b.Skip("no tune-items.tsv")
	}
	items := make([]model.Item, len(rows))
	for i, r := range rows {
		items[i] = model.Item{Title: r[3], SummaryText: r[4]}
	}
	benchClassifiers(b, items)
}

func benchClassifiers(b *testing.B, items []model.Item) {
	cfg, err := config.Load(shippedConfigPath)
	if err != nil {
		b.Fatal(err)
	}
	on, off := cfg.Topics, slices.Clone(cfg.Topics)
	for i := range off {
		off[i].Classifier.Enabled = false
	}
	learned, err := Compile(on)
	if err != nil {
		b.Fatal(err)
	}
	rules, err := Compile(off)
	if err != nil {
		b.Fatal(err)
	}
	src := model.Source{ID: "dawn", Region: "pakistan", Language: "en"}
	// Timed by the thread's CPU time, as the machine these run on is
	// shared: the goroutine keeps its thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	n := [2]int{}
	runs := benchPairedClock(b, len(items), "cpu-", threadCPUTime, "classifiers", func(i int) {
		n[0] += len(learned.Tag(&items[i], src))
	}, "rules", func(i int) {
		n[1] += len(rules.Tag(&items[i], src))
	})
	b.ReportMetric(float64(n[0])/float64(max(runs[0], 1)), "topics/item-classifiers")
	b.ReportMetric(float64(n[1])/float64(max(runs[1], 1)), "topics/item-rules")
}

// BenchmarkTrain times what start-up, reload, retag and backtest spend
// training the shipped topics' classifiers on their examples and on
// ingest.TrainItems (5,000) stored news-like items.
func BenchmarkTrain(b *testing.B) {
	cfg, err := config.Load(shippedConfigPath)
	if err != nil {
		b.Fatal(err)
	}
	tg, err := Compile(cfg.Topics)
	if err != nil {
		b.Fatal(err)
	}
	news := benchNewsItems()
	items := make([]model.Item, 5000)
	for i := range items {
		items[i] = news[i%len(news)]
		items[i].ID = int64(i + 1)
	}
	for b.Loop() {
		tg.Train(Corpus{Items: items})
	}
}
