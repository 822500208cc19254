package tag

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/coregx/ahocorasick"

	"aggregator/internal/model"
)

// The benchmarks tag the same 10,000 generated news items (English, about
// a tenth Urdu and a tenth Chinese) against 10 editorial topics, and against
// 1,000 generated topics holding 20,000 keywords.

const benchItems = 10000

var (
	benchPlaces  = strings.Fields("Pakistan Karachi Lahore Islamabad Quetta Peshawar Gwadar Balochistan Sindh Punjab Kashmir India Delhi Mumbai China Beijing Xinjiang Afghanistan Kabul Iran Tehran Dubai Washington London Moscow")
	benchNouns   = strings.Fields("government ministry court army police budget election parliament protest attack blast flood rain heatwave inflation economy trade exports imports investment corridor port railway highway power electricity gas oil loan IMF bank rupee market stocks cricket match team hospital school university students farmers wheat cotton water dam drought smog")
	benchVerbs   = strings.Fields("said announced rejected approved warned denied launched suspended reported confirmed criticised signed opened closed raised cut")
	benchFillers = strings.Fields("the a of in on for with by after before during amid over under about from as at to and but while since because officials sources spokesman minister on Monday Tuesday Wednesday Thursday Friday")
	benchUrdu    = strings.Fields("پاکستان کراچی لاہور اسلام آباد گوادر بلوچستان حکومت وزیر اعظم عدالت فوج پولیس بجٹ انتخابات حملہ دھماکہ سیلاب بارش مہنگائی معیشت تجارت چین بھارت کشمیر کرکٹ میچ نے کہا کہ میں سے اور کی کا ہے")
	benchChinese = []string{"巴基斯坦", "中国", "中巴经济走廊", "瓜达尔港", "伊斯兰堡", "卡拉奇", "政府", "总理", "经济", "贸易", "投资", "安全", "袭击", "洪水", "选举", "铁路", "能源", "电力", "表示", "宣布", "今天", "项目", "合作", "发展", "新闻"}
)

// benchNames are deterministic made-up proper names: people, companies,
// villages, the long tail of what editors follow.
func benchNames(n int) []string {
	r := rand.New(rand.NewPCG(7, 11))
	syl := strings.Fields("ka ri sha ban dar zai ul la mo han te vi no ra gul pur abad stan ko mi zu ta fe lo")
	names := make([]string, n)
	seen := map[string]bool{}
	for i := range n {
		for {
			var b strings.Builder
			for range 2 + r.IntN(3) {
				b.WriteString(syl[r.IntN(len(syl))])
			}
			s := b.String()
			if !seen[s] {
				seen[s] = true
				names[i] = strings.ToUpper(s[:1]) + s[1:]
				break
			}
		}
	}
	return names
}

func pick(r *rand.Rand, words []string) string { return words[r.IntN(len(words))] }

func benchSentence(r *rand.Rand, names []string, words int) string {
	var b strings.Builder
	for i := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch x := r.IntN(20); {
		case x < 2:
			b.WriteString(pick(r, benchPlaces))
		case x < 5:
			b.WriteString(pick(r, benchNouns))
		case x < 6:
			b.WriteString(pick(r, benchVerbs))
		case x < 8:
			// Zipf-like: a few names are in the news a lot.
			b.WriteString(names[int(float64(len(names))*r.Float64()*r.Float64()*r.Float64())])
		default:
			b.WriteString(pick(r, benchFillers))
		}
	}
	b.WriteString(". ")
	return b.String()
}

func benchNewsItems() []model.Item {
	r := rand.New(rand.NewPCG(1, 2))
	names := benchNames(5000)
	items := make([]model.Item, benchItems)
	for i := range items {
		var it model.Item
		switch i % 10 {
		case 3: // Urdu
			it.Title = benchWords(r, benchUrdu, 10, " ")
			it.SummaryText = benchWords(r, benchUrdu, 40, " ")
			it.ContentText = benchWords(r, benchUrdu, 250, " ")
		case 7: // Chinese
			it.Title = benchWords(r, benchChinese, 8, "")
			it.SummaryText = benchWords(r, benchChinese, 30, "")
			it.ContentText = benchWords(r, benchChinese, 200, "")
		default:
			it.Title = strings.TrimSuffix(benchSentence(r, names, 10), ". ")
			it.SummaryText = benchSentence(r, names, 20) + benchSentence(r, names, 20)
			var b strings.Builder
			for p := range 12 {
				if p > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(benchSentence(r, names, 22))
			}
			it.ContentText = b.String()
		}
		it.Categories = []string{pick(r, benchPlaces), pick(r, benchNouns)}
		items[i] = it
	}
	return items
}

func benchWords(r *rand.Rand, words []string, n int, sep string) string {
	out := make([]string, n)
	for i := range out {
		out[i] = pick(r, words)
	}
	return strings.Join(out, sep)
}

func benchTenTopics() []model.Topic {
	return []model.Topic{
		{ID: "cpec", Keywords: []string{"CPEC", "China-Pakistan Economic Corridor", "Gwadar", "گوادر", "中巴经济走廊", "瓜达尔港"}},
		{ID: "security", Keywords: []string{"attack*", "blast", "militant*", "حملہ", "دھماکہ", "袭击"}, Exclude: []string{"cricket"}},
		{ID: "economy", Keywords: []string{"inflation", "budget", "IMF", "rupee", "مہنگائی", "بجٹ", "经济"}},
		{ID: "politics", Query: `(election OR parliament OR "prime minister" OR انتخابات) AND NOT cricket`},
		{ID: "cricket", Keywords: []string{"cricket", "کرکٹ"}},
		{ID: "climate", Keywords: []string{"flood*", "heatwave", "drought", "smog", "سیلاب", "洪水"}},
		{ID: "kashmir", Keywords: []string{"Kashmir", "کشمیر"}},
		{ID: "china", Keywords: []string{"China", "Beijing", "Xinjiang", "چین", "中国"}},
		{ID: "energy", Query: `(power OR electricity OR gas OR oil) NEAR/5 (ministry)`},
		{ID: "trade", Keywords: []string{"trade", "export*", "import*", "تجارت", "贸易"}},
	}
}

// benchThousandTopics generates 1,000 topics with 20 keywords each: mostly
// names from a long tail (most never appear), some two-word phrases, some
// everyday news words, a few prefixes, Urdu and Chinese terms.
func benchThousandTopics() []model.Topic {
	r := rand.New(rand.NewPCG(3, 4))
	names := benchNames(40000)
	topics := make([]model.Topic, 1000)
	for i := range topics {
		kws := make([]string, 20)
		for k := range kws {
			switch x := r.IntN(100); {
			case x < 55:
				kws[k] = names[r.IntN(len(names))]
			case x < 85:
				kws[k] = names[r.IntN(len(names))] + " " + pick(r, append(benchPlaces, names[r.IntN(len(names))]))
			case x < 90:
				kws[k] = pick(r, benchNouns) + " " + pick(r, benchNouns) + " " + pick(r, benchPlaces)
			case x < 94:
				kws[k] = names[r.IntN(len(names))] + "*"
			case x < 97:
				kws[k] = pick(r, benchUrdu) + " " + pick(r, benchUrdu) + " " + pick(r, benchUrdu)
			default:
				kws[k] = pick(r, benchChinese) + pick(r, benchChinese) + pick(r, benchChinese)
			}
		}
		topics[i] = model.Topic{ID: fmt.Sprintf("topic-%04d", i), Keywords: kws, Exclude: []string{names[r.IntN(len(names))]}}
	}
	return topics
}

func benchTag(b *testing.B, topics []model.Topic) {
	tg, err := Compile(topics)
	if err != nil {
		b.Fatal(err)
	}
	items := benchNewsItems()
	src := model.Source{ID: "dawn", Region: "pakistan", Language: "en"}
	matched := 0
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		matched += len(tg.Tag(&items[i%len(items)], src))
		i++
	}
	reportRates(b, i, cpuTime()-cpu)
	b.ReportMetric(float64(matched)/float64(i), "topics/item")
}

func BenchmarkTag10Topics(b *testing.B)   { benchTag(b, benchTenTopics()) }
func BenchmarkTag1000Topics(b *testing.B) { benchTag(b, benchThousandTopics()) }

// BenchmarkBareAhoCorasick scans the same folded texts for the same
// patterns with coregx/ahocorasick alone (FindAllOverlapping, as every match
// is wanted): the reference BenchmarkTag1000Topics is measured against.
func BenchmarkBareAhoCorasick(b *testing.B) {
	tg, err := Compile(benchThousandTopics())
	if err != nil {
		b.Fatal(err)
	}
	ac, err := ahocorasick.NewBuilder().AddStrings(tg.patterns).Build()
	if err != nil {
		b.Fatal(err)
	}
	items := benchNewsItems()
	texts := make([][]byte, len(items))
	for i := range items {
		var f folder
		var w canonWriter
		for fi := range numFields {
			if fi > 0 {
				w.dst = append(w.dst, '\n')
			}
			f.appendField(&w, fieldText(&items[i], fi))
		}
		texts[i] = w.dst
	}
	found := 0
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	cpu := cpuTime()
	for b.Loop() {
		found += len(ac.FindAllOverlapping(texts[i%len(texts)]))
		i++
	}
	reportRates(b, i, cpuTime()-cpu)
	b.ReportMetric(float64(found)/float64(i), "matches/item")
}

// reportRates reports items per wall-clock second and per CPU second (the
// process's, GC included), the latter steadier on a shared machine.
func reportRates(b *testing.B, items int, cpu time.Duration) {
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
	if cpu > 0 {
		b.ReportMetric(float64(items)/cpu.Seconds(), "items/cpu-s")
	}
}
