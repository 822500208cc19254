package store_test

// The cost of one insert with its near-duplicate candidate lookup, at 10k
// and at 1M stored items (issue 3, point 2), and the start-up cost of a
// 1M-item store.
//
//	go test ./internal/store -run '^$' -bench 'InsertWithLookup' -benchtime 3000x
//	STORE_BENCH_1M=/tmp/agg1m.db go test ./internal/store -run '^$' -bench 'InsertWithLookup|Startup1M' -benchtime 3000x -timeout 1h
//	STORE_BENCH_1M=/tmp/agg1m.db go test ./internal/store -run CandidatePlan1M -v
//
// Building the 1M store takes about 20 minutes on two cores (about 4.5 GB).
//
// The 1M store is built once through SaveFetch (the real schema, the real
// fingerprints and the real story match) and kept in the file STORE_BENCH_1M
// names, so later runs reuse it; without that variable the 1M cases skip
// unless -bench names "1M" explicitly, and then the store lives in a
// temporary directory for the run.

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/dedup"
	"aggregator/internal/model"
	"aggregator/internal/store"
)

// newsRate is how many items the generated deployment ingests a day: some
// 300 sources of regional news. The 10k store thus spans about a day and a
// quarter, the 1M store about four months, so the 72h window holds all of
// the first and a small part of the second.
const newsRate = 8000

// benchWindow is the clustering window of the benchmark (dedup.window).
const benchWindow = 72 * time.Hour

// newsStart is when generated history begins.
var newsStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// Word lists of the generator: places, people, organisations and the
// vocabulary of a handful of recurring subjects, so that many items share
// names (Balochistan, Quetta, IMF, PSX) and the pair buckets of their
// headlines fill up as they do in real regional news.
var (
	districts = strings.Fields(`Quetta Turbat Kech Gwadar Panjgur Khuzdar Mastung Sibi Zhob Kalat Nushki
		Chagai Kohlu Awaran Kharan Lasbela Hub Pishin Loralai Dalbandin Jiwani Pasni Ormara Bolan Harnai`)
	cities = strings.Fields(`Karachi Lahore Islamabad Peshawar Rawalpindi Multan Faisalabad Hyderabad
		Sukkur Abbottabad Beijing Shanghai Urumqi Kashgar Delhi Mumbai Srinagar Amritsar Kabul Tehran`)
	firsts = strings.Fields(`Ahmed Bilal Sarfraz Hussain Imran Nawaz Shehbaz Maryam Asif Khalid Tariq Zafar
		Ayesha Fatima Saima Wang Li Zhang Chen Liu Rajesh Amit Priya Sunil Farooq Jamal Naveed Usman Kamran Rashid`)
	lasts = strings.Fields(`Baloch Bugti Khan Sharif Zardari Qureshi Malik Chaudhry Abbasi Jan Mengal Marri
		Rind Lehri Wei Ming Jun Sharma Verma Gupta Iqbal Siddiqui Rehman Awan Gillani Hashmi Durrani`)
	groups   = strings.Fields(`BLA BLF TTP ISKP BRAS`)
	agencies = []string{"APP", "Reuters", "Xinhua", "PTI", "AFP"}
	months   = strings.Fields(`Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec`)
	verbs    = strings.Fields(`inaugurated approved reviewed delayed expanded suspended completed announced`)
	projects = []string{"power plant", "coal mine", "motorway section", "special economic zone", "port terminal",
		"desalination plant", "fibre-optic link", "hospital wing", "airport runway", "solar park"}
	issues = []string{"electricity tariffs", "the budget deficit", "missing persons", "water sharing", "wheat prices",
		"the census results", "provincial royalties", "security of Chinese nationals", "cross-border trade", "gas load-shedding"}
	teams = strings.Fields(`Pakistan India China Afghanistan Bangladesh Quetta Karachi Lahore Peshawar Multan Islamabad`)
)

// subject writes one event of a recurring subject: the headlines and leads
// outlets use for it (each outlet picks one) and the body they share.
type subject func(r *rand.Rand, name, place string, n, m int) (titles, leads []string, body []string)

var subjects = []subject{
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		g := pick(r, groups)
		return []string{
				fmt.Sprintf("%d killed in attack in %s, Balochistan", n, place),
				fmt.Sprintf("Gunmen kill %d in %s district of Balochistan", n, place),
				fmt.Sprintf("%s attack leaves %d dead, %d injured", place, n, m),
			}, []string{
				fmt.Sprintf("At least %d people were killed and %d injured when gunmen attacked a checkpost in %s district of Balochistan on %s, officials said.", n, m, place, day(r)),
				fmt.Sprintf("Armed men stormed a checkpost in %s, killing %d people and wounding %d others, police confirmed.", place, n, m),
			}, []string{
				fmt.Sprintf("Deputy Commissioner %s %s said the attackers fled towards the mountains after an exchange of fire lasting %d minutes.", place, name, 10+m),
				fmt.Sprintf("The injured were shifted to the district headquarters hospital in %s, where %d were said to be in critical condition.", place, 1+m/3),
				fmt.Sprintf("The banned %s claimed responsibility in a statement sent to the media.", g),
				fmt.Sprintf("Chief Minister %s condemned the attack and ordered a search operation in %s and %s.", person(r), place, pick(r, districts)),
			}
	},
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		amt := fmt.Sprintf("%d.%d", 1+n%7, m%10)
		return []string{
				fmt.Sprintf("IMF approves $%s billion tranche for Pakistan", amt),
				fmt.Sprintf("Pakistan gets $%sbn from IMF after board review", amt),
			}, []string{
				fmt.Sprintf("The International Monetary Fund's executive board approved the release of $%s billion to Pakistan under the Extended Fund Facility, the finance ministry said.", amt),
				fmt.Sprintf("Pakistan will receive $%s billion from the IMF after the lender's board completed its review, Finance Minister %s said.", amt, name),
			}, []string{
				fmt.Sprintf("The programme requires the government to raise revenue by %d percent of GDP and to cut subsidies on %s.", 1+m%3, pick(r, issues)),
				fmt.Sprintf("%s said the reserves would rise to $%d billion by the end of the quarter.", name, 8+n%9),
				fmt.Sprintf("The review was held in Washington after talks lasting %d days in %s.", 5+m%10, place),
			}
	},
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		dir := pick(r, []string{"gains", "loses", "rises", "falls"})
		return []string{
				fmt.Sprintf("PSX %s %d points as KSE-100 closes at %d", dir, n*10+m, 80000+n*97+m),
				fmt.Sprintf("Stocks: KSE-100 %s %d points", dir, n*10+m),
			}, []string{
				fmt.Sprintf("The Pakistan Stock Exchange's benchmark KSE-100 index %s %d points to close at %d on %s.", dir, n*10+m, 80000+n*97+m, day(r)),
				fmt.Sprintf("The KSE-100 index closed at %d, %d points away from the previous close, with %d million shares traded.", 80000+n*97+m, n*10+m, 200+m*7),
			}, []string{
				fmt.Sprintf("Traded volume stood at %d million shares worth Rs%d billion, analysts at %s Securities said.", 200+m*7, 10+n, pick(r, lasts)),
				fmt.Sprintf("Shares of %s %s led the volumes with %d million shares.", place, pick(r, projects), n+m),
			}
	},
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		a, b := pick(r, teams), pick(r, teams)
		return []string{
				fmt.Sprintf("%s beat %s by %d wickets in %s", a, b, 1+n%9, place),
				fmt.Sprintf("%s star as %s down %s", name, a, b),
			}, []string{
				fmt.Sprintf("%s defeated %s by %d wickets at the %s stadium on %s, with %s scoring %d not out.", a, b, 1+n%9, place, day(r), name, 40+m),
				fmt.Sprintf("%s's unbeaten %d guided %s to a %d-wicket win over %s in %s.", name, 40+m, a, 1+n%9, b, place),
			}, []string{
				fmt.Sprintf("%s had posted %d for %d in their 20 overs after being put in to bat.", b, 120+n*3, m%10),
				fmt.Sprintf("The second match of the series will be played in %s on %s.", pick(r, cities), day(r)),
			}
	},
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		p, v := pick(r, projects), pick(r, verbs)
		return []string{
				fmt.Sprintf("CPEC %s in %s %s", p, place, v),
				fmt.Sprintf("%s %s under China-Pakistan Economic Corridor", strings.ToUpper(p[:1])+p[1:], v),
			}, []string{
				fmt.Sprintf("A %d-megawatt %s built in %s under the China-Pakistan Economic Corridor was %s on %s, officials said.", 50*n, p, place, v, day(r)),
				fmt.Sprintf("Officials %s the %s in %s, a CPEC project worth $%d million, in a ceremony attended by %s.", v, p, place, 100+m*13, name),
			}, []string{
				fmt.Sprintf("The project employs %d local workers and %d Chinese engineers, according to the planning ministry.", 300+m*11, 20+n),
				fmt.Sprintf("Planning Minister %s said security for Chinese nationals in %s had been raised.", name, place),
			}
	},
	func(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
		is := pick(r, issues)
		return []string{
				fmt.Sprintf("%s criticises government over %s", name, is),
				fmt.Sprintf("Opposition leader %s slams %s", name, is),
			}, []string{
				fmt.Sprintf("Opposition leader %s told a rally of %d people in %s that the government had failed on %s.", name, 1000*n, place, is),
				fmt.Sprintf("Addressing supporters in %s, %s accused the government of mishandling %s.", place, name, is),
			}, []string{
				fmt.Sprintf("%s demanded that parliament debate %s within %d days.", name, is, 7+m),
				fmt.Sprintf("Information Minister %s rejected the criticism as politically motivated.", person(r)),
			}
	},
}

// general writes an event of no recurring subject: who did what where,
// drawn from the word lists, so different events rarely share a headline.
func general(r *rand.Rand, name, place string, n, m int) ([]string, []string, []string) {
	p, v, is, other := pick(r, projects), pick(r, verbs), pick(r, issues), person(r)
	return []string{
			fmt.Sprintf("%s %s %s in %s", name, v, p, place),
			fmt.Sprintf("%s %s: %s says %s will follow", place, p, name, is),
		}, []string{
			fmt.Sprintf("%s on %s %s a %s in %s worth Rs%d million, saying it would help with %s.", name, day(r), v, p, place, n*37+m, is),
			fmt.Sprintf("A %s in %s was %s by %s, who met %s afterwards to discuss %s.", p, place, v, name, other, is),
		}, []string{filler(r), filler(r)}
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }
func person(r *rand.Rand) string           { return pick(r, firsts) + " " + pick(r, lasts) }
func day(r *rand.Rand) string {
	return pick(r, strings.Fields("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
}

// filler is a background sentence of a random shape: generated news carries
// some context that differs from event to event.
func filler(r *rand.Rand) string {
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("Earlier this month, %s had met %s in %s to discuss %s.", person(r), person(r), pick(r, cities), pick(r, issues))
	case 1:
		return fmt.Sprintf("Residents of %s said %s had been a concern since %s %d.", pick(r, districts), pick(r, issues), pick(r, months), 2000+r.IntN(26))
	case 2:
		return fmt.Sprintf("A spokesman for %s said the %s in %s would be %s next year.", person(r), pick(r, projects), pick(r, cities), pick(r, verbs))
	case 3:
		return fmt.Sprintf("Figures released on %s showed %d cases in %s and %d in %s.", day(r), r.IntN(900), pick(r, districts), r.IntN(900), pick(r, cities))
	}
	return fmt.Sprintf("%s, who heads the %s committee, said talks with %s would continue.", person(r), pick(r, cities), person(r))
}

// event is one news event and its copies yet to be published.
type event struct {
	titles, leads, body []string
	place               string
	copies              int
	sources             []int
	at                  time.Time
}

// newsGen produces a stream of items in first-seen order: each event is
// carried by one to four outlets (wire copy with a new headline, a reworded
// lead, boilerplate and tracking parameters) over the following hours.
type newsGen struct {
	r       *rand.Rand
	run     string
	n       int
	now     time.Time
	pending []*event
	last    *event // the event of the item next returned last (for measurement)
}

func newNewsGen(seed uint64, run string, start time.Time) *newsGen {
	return &newsGen{r: rand.New(rand.NewPCG(seed, 7)), run: run, now: start}
}

const newsSources = 300

// next returns the next item, its FirstSeen set to when it arrives.
func (g *newsGen) next() model.Item {
	r := g.r
	g.now = g.now.Add(time.Duration(float64(24*time.Hour) / newsRate))
	var ev *event
	// About 45% of arrivals are further copies of a recent event.
	if len(g.pending) > 0 && r.IntN(100) < 45 {
		i := r.IntN(len(g.pending))
		ev = g.pending[i]
		if len(ev.sources) >= ev.copies || g.now.Sub(ev.at) > 12*time.Hour {
			g.pending = append(g.pending[:i], g.pending[i+1:]...)
			ev = nil
		}
	}
	if ev == nil {
		s := general // most news is not of a recurring subject
		if r.IntN(2) == 0 {
			s = subjects[r.IntN(len(subjects))]
		}
		place := pick(r, districts)
		if r.IntN(2) == 0 {
			place = pick(r, cities)
		}
		ev = &event{place: place, copies: 1 + r.IntN(4), at: g.now}
		ev.titles, ev.leads, ev.body = s(r, person(r), place, 2+r.IntN(40), r.IntN(60))
		for range 2 + r.IntN(4) {
			ev.body = append(ev.body, filler(r))
		}
		g.pending = append(g.pending, ev)
		if len(g.pending) > 400 {
			g.pending = g.pending[1:]
		}
	}
	src := r.IntN(newsSources)
	ev.sources = append(ev.sources, src)
	g.last = ev
	g.n++

	paras := []string{pick(r, ev.leads)}
	if len(ev.sources) == 1 {
		paras[0] = fmt.Sprintf("%s, %s %d (%s): %s", strings.ToUpper(ev.place), pick(r, months), 1+r.IntN(28), pick(r, agencies), paras[0])
	}
	paras = append(paras, ev.body...)
	if r.IntN(3) == 0 {
		paras = append(paras, "Follow us on Twitter and Facebook for the latest news.", fmt.Sprintf("Copyright source%d, all rights reserved.", src))
	}
	key := fmt.Sprintf("%s-%d", g.run, g.n)
	text := strings.Join(paras, "\n")
	it := model.Item{
		SourceID:    fmt.Sprintf("source%d", src),
		Key:         key,
		GUID:        key,
		URL:         fmt.Sprintf("https://source%d.example/news/%s", src, key),
		Title:       pick(r, ev.titles),
		ContentText: text,
		Content:     "<p>" + strings.ReplaceAll(text, "\n", "</p><p>") + "</p>",
		Published:   g.now.Add(-time.Duration(r.IntN(90)) * time.Minute),
		FirstSeen:   g.now,
		Hash:        key,
	}
	if r.IntN(3) == 0 { // a short item: headline and a two-line summary
		it.SummaryText, it.ContentText, it.Content = paras[0], "", ""
		it.Summary = "<p>" + paras[0] + "</p>"
	}
	if r.IntN(4) == 0 {
		it.Topics = []model.TopicMatch{{Topic: "balochistan", Terms: []string{"Balochistan"}}}
	}
	it.Fingerprint = dedup.Fingerprint(&it)
	return it
}

// fill stores n generated items in fetches of batch items, generating the
// next fetch while the store writes the current one.
//
// Fetches first seen before matchFrom skip the story match (Window 0): the
// fast path for history the benchmark's window never reaches. Their
// buckets are stored all the same, so the index is as full as in life.
func fill(tb testing.TB, s store.Store, g *newsGen, n, batch int, matchFrom time.Time) {
	tb.Helper()
	ctx := context.Background()
	fetches := make(chan store.Fetch, 2)
	go func() {
		defer close(fetches)
		for done := 0; done < n; {
			k := min(batch, n-done)
			f := store.Fetch{Window: benchWindow, Match: dedup.Match}
			for range k {
				f.Items = append(f.Items, g.next())
			}
			f.Now = g.now
			if f.Now.Before(matchFrom) {
				f.Window, f.Match = 0, nil
			}
			done += k
			fetches <- f
		}
	}()
	stored := 0
	for f := range fetches {
		if _, err := s.SaveFetch(ctx, f); err != nil {
			tb.Fatalf("fill: %v", err)
		}
		stored += len(f.Items)
		if stored%100_000 < batch && stored >= 100_000 {
			tb.Logf("stored %d items", stored)
		}
	}
}

// wants1M says whether this run asked for the 1M-item store.
func wants1M() bool {
	if os.Getenv("STORE_BENCH_1M") != "" {
		return true
	}
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), "1M")
}

// storeOf opens a store of size generated items: the cached 1M file when
// STORE_BENCH_1M names one, otherwise a file built now in a temporary
// directory. It returns the store and the time its history ends.
func storeOf(b *testing.B, size int) (store.Store, time.Time) {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	if env := os.Getenv("STORE_BENCH_1M"); env != "" && size == 1_000_000 {
		path = env
	}
	if env := os.Getenv("STORE_BENCH_10K"); env != "" && size == 10_000 {
		path = env
	}
	end := newsStart.Add(time.Duration(size) * time.Duration(float64(24*time.Hour)/newsRate))
	if _, err := os.Stat(path); err == nil {
		s, err := store.OpenSQLite(ctx, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s, end
	}
	start := time.Now()
	s, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	fill(b, s, newNewsGen(1, "hist", newsStart), size, 1000, end.Add(-2*benchWindow))
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built a %d-item store in %v", size, time.Since(start).Round(time.Second))
	s, err = store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, end
}

// BenchmarkInsertWithLookup stores one new item per operation (a SaveFetch
// with the real story match, window 72h, near duplicates on) into a store
// already holding 10k or 1M generated items. The new items continue the
// history's stream, so some join recent stories and most start their own.
func BenchmarkInsertWithLookup(b *testing.B) {
	for _, size := range []int{10_000, 1_000_000} {
		b.Run(label(size), func(b *testing.B) {
			if size >= 1_000_000 && !wants1M() {
				b.Skip("set STORE_BENCH_1M=/path/to/cache.db or -bench .../1M to build the 1M-item store")
			}
			s, end := storeOf(b, size)
			ctx := context.Background()
			g := newNewsGen(uint64(time.Now().UnixNano()), fmt.Sprintf("run%d", time.Now().UnixNano()), end)
			// Warm up the generator's pending events so copies appear at once.
			for range 500 {
				g.next()
			}
			joined := 0
			for b.Loop() {
				b.StopTimer()
				it := g.next()
				f := store.Fetch{State: model.SourceState{SourceID: it.SourceID, Status: model.StatusOK, LastFetch: g.now},
					Items: []model.Item{it}, Window: benchWindow, Match: dedup.Match, Now: g.now}
				b.StartTimer()
				res, err := s.SaveFetch(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				joined += res.Joined
			}
			b.ReportMetric(float64(joined)/float64(b.N), "joined/op")
		})
	}
}

// BenchmarkStartup1M opens the 1M-item store and answers a published feed's
// first query: what a restart costs before the service answers.
func BenchmarkStartup1M(b *testing.B) {
	if !wants1M() {
		b.Skip("set STORE_BENCH_1M=/path/to/cache.db or -bench Startup1M")
	}
	path := os.Getenv("STORE_BENCH_1M")
	if path == "" {
		b.Skip("start-up is measured on the cached file only")
	}
	storeOf(b, 1_000_000) // builds the file when it is missing
	ctx := context.Background()
	for b.Loop() {
		s, err := store.OpenSQLite(ctx, path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		faces, err := s.Stories(ctx, store.StoryQuery{Topics: []string{"balochistan"}, Limit: 50})
		if err != nil || len(faces) == 0 {
			b.Fatalf("%d faces, %v", len(faces), err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// TestCandidatePlan1M logs the query plan and row counts behind the
// candidate lookup in the cached 1M store: how full the buckets of a
// typical new item are within the window.
func TestCandidatePlan1M(t *testing.T) {
	path := os.Getenv("STORE_BENCH_1M")
	if path == "" {
		t.Skip("STORE_BENCH_1M not set")
	}
	if _, err := os.Stat(path); err != nil {
		t.Skip("no cached 1M store yet")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	end := newsStart.Add(1_000_000 * time.Duration(float64(24*time.Hour)/newsRate))
	g := newNewsGen(99, "plan", end)
	since := end.Add(-benchWindow).UnixMilli()
	for range 20 {
		it := g.next()
		total := 0
		worst := 0
		for _, bk := range it.Fingerprint.Buckets {
			var n int
			if err := db.QueryRow(`SELECT count(*) FROM item_buckets WHERE bucket = ? AND first_seen >= ?`, bk, since).Scan(&n); err != nil {
				t.Fatal(err)
			}
			total += n
			worst = max(worst, n)
		}
		t.Logf("%-60.60q buckets %d, rows in window %d, fullest bucket %d", it.Title, len(it.Fingerprint.Buckets), total, worst)
	}
}

func label(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return fmt.Sprintf("%dk", n/1000)
}

// TestStoryClustering measures how the real story match clusters generated
// news against the generator's ground truth (which event each item
// carries): the share of items that joined an existing story against the
// share that should have, pairwise precision and recall of "same story",
// and the largest stories. It stores STORE_CLUSTER_N items (the 10k
// benchmark's history is 10000) in a temporary store; unset, it skips.
//
//	STORE_CLUSTER_N=10000 go test ./internal/store -run StoryClustering -v
func TestStoryClustering(t *testing.T) {
	var n int
	if _, err := fmt.Sscan(os.Getenv("STORE_CLUSTER_N"), &n); err != nil || n <= 0 {
		t.Skip("STORE_CLUSTER_N not set")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "cluster.db")
	s, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := newNewsGen(1, "hist", newsStart)
	eventOf := map[string]*event{}
	var dump *json.Encoder
	if p := os.Getenv("STORE_CLUSTER_DUMP"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = json.NewEncoder(f)
	}
	evIDs := map[*event]int{}
	const batch = 1000
	for done := 0; done < n; {
		f := store.Fetch{Window: benchWindow, Match: dedup.Match}
		for range min(batch, n-done) {
			it := g.next()
			eventOf[it.Key] = g.last
			f.Items = append(f.Items, it)
			if dump != nil {
				if _, ok := evIDs[g.last]; !ok {
					evIDs[g.last] = len(evIDs) + 1
				}
				if err := dump.Encode(map[string]any{"event": evIDs[g.last], "source": it.SourceID, "key": it.Key,
					"title": it.Title, "summary": it.SummaryText, "content": it.ContentText, "first_seen": it.FirstSeen}); err != nil {
					t.Fatal(err)
				}
			}
		}
		f.Now = g.now
		done += len(f.Items)
		if _, err := s.SaveFetch(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT key, story_id FROM items ORDER BY first_seen, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type cell struct {
		story int64
		ev    *event
	}
	stories, events, cells := map[int64]int{}, map[*event]int{}, map[cell]int{}
	storyEvents := map[int64]map[*event]bool{}
	joined, shouldJoin, total := 0, 0, 0
	for rows.Next() {
		var key string
		var story int64
		if err := rows.Scan(&key, &story); err != nil {
			t.Fatal(err)
		}
		ev := eventOf[key]
		if stories[story] > 0 {
			joined++
		}
		if events[ev] > 0 {
			shouldJoin++
		}
		stories[story]++
		events[ev]++
		cells[cell{story, ev}]++
		if storyEvents[story] == nil {
			storyEvents[story] = map[*event]bool{}
		}
		storyEvents[story][ev] = true
		total++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	pairs := func(c int) float64 { return float64(c) * float64(c-1) / 2 }
	var tp, predicted, actual float64
	for _, c := range cells {
		tp += pairs(c)
	}
	for _, c := range stories {
		predicted += pairs(c)
	}
	for _, c := range events {
		actual += pairs(c)
	}
	mixed := 0
	for _, evs := range storyEvents {
		if len(evs) > 1 {
			mixed++
		}
	}
	top := func(m map[int64]int) []int {
		var v []int
		for _, c := range m {
			v = append(v, c)
		}
		slices.Sort(v)
		slices.Reverse(v)
		return v[:min(10, len(v))]
	}
	var evSizes []int
	for _, c := range events {
		evSizes = append(evSizes, c)
	}
	slices.Sort(evSizes)
	slices.Reverse(evSizes)
	t.Logf("items=%d stories=%d events=%d joined/item=%.3f (ground truth %.3f)",
		total, len(stories), len(events), float64(joined)/float64(total), float64(shouldJoin)/float64(total))
	t.Logf("pairwise precision=%.3f recall=%.3f; stories mixing events=%d", tp/max(1, predicted), tp/max(1, actual), mixed)
	t.Logf("largest stories %v; largest events %v", top(stories), evSizes[:min(10, len(evSizes))])
}
