package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"aggregator/internal/pgtest"
	"aggregator/internal/store"
)

// Three serve processes share one store: 200 loopback sources on a short
// schedule for several periods, one instance killed with SIGKILL midway.
// Every source is fetched about once a period throughout, never twice in
// one; the killed instance's sources go to the others; no item or story
// is stored twice; and the live instances serve the same bytes.
func TestThreeInstancesShareTheWork(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three processes for about a minute")
	}
	bin := buildBinary(t)
	t.Run("postgres", func(t *testing.T) {
		testThreeInstances(t, bin, pgtest.URL(t))
	})
	t.Run("sqlite", func(t *testing.T) {
		testThreeInstances(t, bin, filepath.Join(t.TempDir(), "shared.db"))
	})
}

const (
	instKilled  = "instance-2" // the User-Agent of the instance killed
	instSources = 200
	instPeriod  = 4 * time.Second
	instLease   = 15 * time.Second // schedule.DefaultLease
)

// buildBinary builds the aggregator into a temp dir.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "aggregator")
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// instFeeds serves feed n (0 ≤ n < instSources) at /feed/n: item j for
// every period j since start (until frozen), and records who fetched it
// when (instances are told apart by their User-Agent). Feeds n and n+100
// carry the same wire story at even j: one story with two members.
type instFeeds struct {
	*httptest.Server
	start time.Time

	mu       sync.Mutex
	frozen   int // the last period served once frozen; -1 while running
	fetches  [instSources][]instFetch
	inflight map[int]string // requests under way: source -> agent
}

// The killed instance's fetches of the first instSlow sources take
// instSlowFor, so that it dies holding some of them.
const (
	instSlow    = 20
	instSlowFor = 3 * time.Second
)

type instFetch struct {
	at    time.Time
	agent string
}

func newInstFeeds(t *testing.T) *instFeeds {
	f := &instFeeds{start: time.Now(), frozen: -1, inflight: map[int]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// under returns the sources whose fetch by agent is under way.
func (f *instFeeds) under(agent string) []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []int
	for n, a := range f.inflight {
		if a == agent {
			out = append(out, n)
		}
	}
	return out
}

// period is the last period served.
func (f *instFeeds) period() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.frozen >= 0 {
		return f.frozen
	}
	return int(time.Since(f.start) / instPeriod)
}

func (f *instFeeds) freeze() {
	p := f.period()
	f.mu.Lock()
	f.frozen = p
	f.mu.Unlock()
}

// link is the article URL of item j of feed n.
func instLink(n, j int) string {
	if j%2 == 0 {
		return fmt.Sprintf("http://wire.test/%d/%d", n%100, j)
	}
	return fmt.Sprintf("http://site%d.test/%d", n, j)
}

func (f *instFeeds) serve(w http.ResponseWriter, r *http.Request) {
	var n int
	if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d", &n); err != nil || n < 0 || n >= instSources {
		http.NotFound(w, r)
		return
	}
	p := f.period()
	agent := r.UserAgent()
	f.mu.Lock()
	f.fetches[n] = append(f.fetches[n], instFetch{time.Now(), agent})
	f.inflight[n] = agent
	f.mu.Unlock()
	defer func() {
		f.mu.Lock()
		delete(f.inflight, n)
		f.mu.Unlock()
	}()
	if n < instSlow && agent == instKilled {
		select {
		case <-time.After(instSlowFor):
		case <-r.Context().Done():
			return
		}
	}
	etag := fmt.Sprintf(`"%d-%d"`, n, p)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title><link>http://site%d.test/</link>`, n, n)
	for j := p; j >= 0; j-- {
		fmt.Fprintf(&b, `<item><guid>urn:feed:%d:%d</guid><title>Report %d from outlet %d</title><link>%s</link>`+
			`<description>Outlet %d files report %d with its own words %d-%d.</description><pubDate>%s</pubDate></item>`,
			n, j, j, n, instLink(n, j), n, j, n, j, f.start.Add(time.Duration(j)*time.Minute).UTC().Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, b.String())
}

// instance is one serve process.
type instance struct {
	cmd   *exec.Cmd
	addr  string
	agent string
	log   *strings.Builder
	mu    sync.Mutex
	done  chan struct{}
}

func startInstance(t *testing.T, bin, dir, db, feeds string, i int) *instance {
	t.Helper()
	agent := fmt.Sprintf("instance-%d", i)
	storage := `path: "` + db + `"`
	if store.IsPostgresURL(db) {
		storage = `url: "` + db + `"`
	}
	var src strings.Builder
	for n := range instSources {
		fmt.Fprintf(&src, "  - {id: s%03d, title: Outlet %d, url: \"%s/feed/%d\"}\n", n, n, feeds, n)
	}
	cfg := fmt.Sprintf(`server:
  listen: "127.0.0.1:0"
  base_url: "http://news.test"
storage:
  %s
fetch:
  schedule: "@every %s"
  concurrency: 8
  per_host: 8
  allow_private: true # the WebSub subscriber is on loopback
  user_agent: %q
dedup:
  near_duplicates: false
log:
  level: info
topics:
  - {id: news, title: News, keywords: ["report"]}
sources:
%s`, storage, instPeriod, agent, src.String())
	path := filepath.Join(dir, agent+".yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	in := &instance{agent: agent, log: &strings.Builder{}, done: make(chan struct{})}
	in.cmd = exec.Command(bin, "serve", "--config", path)
	stderr, err := in.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := in.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	addr := make(chan string, 1)
	go func() {
		defer close(in.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			in.mu.Lock()
			in.log.WriteString(line + "\n")
			in.mu.Unlock()
			if strings.Contains(line, "msg=serving") {
				for _, f := range strings.Fields(line) {
					if a, ok := strings.CutPrefix(f, "addr="); ok {
						addr <- a
					}
				}
			}
		}
	}()
	t.Cleanup(func() {
		in.cmd.Process.Kill()
		in.cmd.Wait()
		if t.Failed() {
			in.mu.Lock()
			t.Logf("%s's log:\n%s", agent, lastLines(in.log.String(), 30))
			in.mu.Unlock()
		}
	})
	select {
	case in.addr = <-addr:
	case <-in.done:
		t.Fatalf("%s ended before serving:\n%s", agent, in.log.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("%s not serving after 30 s", agent)
	}
	return in
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func testThreeInstances(t *testing.T, bin, db string) {
	feeds := newInstFeeds(t)
	dir := t.TempDir()
	var insts []*instance
	for i := range 3 {
		insts = append(insts, startInstance(t, bin, dir, db, feeds.URL, i))
	}
	begin := time.Now()
	sub := newInstSubscriber(t)
	sub.subscribe(t, insts[0])
	time.Sleep(5 * instPeriod)
	killed := insts[2]
	// Kill it while it fetches (holds the leases of) a few sources.
	var held []int
	for deadline := time.Now().Add(2 * instPeriod); len(held) < 3 && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		held = feeds.under(killed.agent)
	}
	killedAt := time.Now()
	if err := killed.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed.cmd.Wait()
	time.Sleep(5*instPeriod + instLease)
	feeds.freeze()
	frozenAt := time.Now()
	time.Sleep(3 * instPeriod) // every source fetches the last period, the instances re-render
	end := time.Now()
	live := insts[:2]

	feeds.mu.Lock()
	fetches := feeds.fetches
	feeds.mu.Unlock()
	checkFetches(t, fetches, begin, killedAt, end, killed.agent)
	checkTakenOver(t, fetches, held, killedAt, killed.agent, store.IsPostgresURL(db))
	checkStored(t, db, feeds.period())
	checkSameFeeds(t, live)
	sub.check(t, live[0])
	t.Logf("%s: %d sources, period %s, killed at +%s, frozen at +%s", filepath.Base(t.Name()), instSources, instPeriod,
		killedAt.Sub(begin).Round(time.Second), frozenAt.Sub(begin).Round(time.Second))
}

// checkFetches holds every source to about one fetch a period: never two
// fetches within half a period, never a gap over three periods
// (but for the sources made slow), except for what the killed instance had
// claimed, which waits for its lease to lapse; and the killed instance's
// sources fetched by the others.
func checkFetches(t *testing.T, fetches [instSources][]instFetch, begin, killedAt, end time.Time, killedAgent string) {
	t.Helper()
	slack := 2 * time.Second // the claim loop's poll
	late := 3 * instPeriod   // "about once a period" on a machine the whole test suite loads
	// A request the killed instance sent just before it died may be
	// recorded just after.
	died := killedAt.Add(200 * time.Millisecond)
	var tooClose, tooFar, waitedForLease, killedSources, takenOver int
	perInstance := map[string]int{}
	for n, fs := range fetches {
		if len(fs) == 0 {
			t.Errorf("s%03d never fetched", n)
			continue
		}
		if first := fs[0].at.Sub(begin); first > 2*instPeriod {
			t.Errorf("s%03d first fetched %s after start-up, want within about a period", n, first.Round(time.Millisecond))
		}
		last := fs[len(fs)-1].at
		if gap := end.Sub(last); gap > 3*instPeriod {
			t.Errorf("s%03d last fetched %s before the end", n, gap.Round(time.Millisecond))
		}
		byKilled, afterByOthers := false, false
		for i, f := range fs {
			perInstance[f.agent]++
			if f.agent == killedAgent {
				byKilled = true
				if f.at.After(died) {
					t.Errorf("s%03d fetched by the killed instance after it was killed", n)
				}
			} else if f.at.After(killedAt) {
				afterByOthers = true
			}
			if i == 0 {
				continue
			}
			gap := f.at.Sub(fs[i-1].at)
			switch {
			case gap < instPeriod/2:
				tooClose++
				t.Errorf("s%03d fetched twice %s apart (by %s and %s, at +%s)", n, gap.Round(time.Millisecond), fs[i-1].agent, f.agent,
					f.at.Sub(begin).Round(time.Millisecond))
			case gap > late && fs[i-1].at.Before(died) && f.at.After(killedAt.Add(instLease-slack)):
				waitedForLease++ // claimed by the killed instance: taken over once its lease lapsed
				if gap > instLease+late {
					tooFar++
					t.Errorf("s%03d not fetched for %s around the kill", n, gap.Round(time.Millisecond))
				}
			case gap > late && n >= instSlow: // the slow ones take longer on purpose
				tooFar++
				t.Errorf("s%03d not fetched for %s", n, gap.Round(time.Millisecond))
			}
		}
		if byKilled {
			killedSources++
			if afterByOthers {
				takenOver++
			}
		}
	}
	if killedSources == 0 || takenOver != killedSources {
		t.Errorf("the killed instance fetched %d sources, %d of them taken over by the others", killedSources, takenOver)
	}
	if waitedForLease > 2*8 {
		t.Errorf("%d sources waited for a lapsed lease, more than the killed instance could claim (2 × fetch.concurrency)", waitedForLease)
	}
	t.Logf("fetches by instance: %v; the killed instance's %d sources all taken over, %d of them claimed at its death (fetched once its lease lapsed)",
		perInstance, killedSources, waitedForLease)
}

// checkTakenOver finds every source the killed instance was fetching when
// it died fetched by another once its lease lapsed. On SQLite a renewal
// waits for the file's one writer, which three busy processes can keep
// from it for seconds: a lease may have lapsed before the kill, so only
// PostgreSQL (whose renewals wait for no writer) is held to the lease's
// length.
func checkTakenOver(t *testing.T, fetches [instSources][]instFetch, held []int, killedAt time.Time, killedAgent string, strict bool) {
	t.Helper()
	if len(held) == 0 {
		t.Fatal("the killed instance was fetching nothing when it was killed: nothing shows its leases lapse")
	}
	for _, n := range held {
		i := slices.IndexFunc(fetches[n], func(f instFetch) bool { return f.at.After(killedAt) })
		if i < 0 {
			t.Errorf("s%03d, claimed by the killed instance, never fetched again", n)
			continue
		}
		f := fetches[n][i]
		if wait := f.at.Sub(killedAt); f.agent == killedAgent || (strict && wait < instLease-instPeriod) || wait > instLease+3*instPeriod {
			t.Errorf("s%03d, claimed by the killed instance, next fetched by %s %s after the kill: want another instance once the %s lease lapsed",
				n, f.agent, wait.Round(time.Millisecond), instLease)
		}
	}
	t.Logf("%d sources under way in the killed instance, taken over when its leases lapsed", len(held))
}

// checkStored finds every item each feed served stored once, and each
// wire story (the same link in two feeds) one story of two members.
func checkStored(t *testing.T, db string, lastPeriod int) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	storiesOf := map[string]map[int64]bool{} // link -> stories
	linksOf := map[int64]map[string]bool{}   // story -> links
	for n := range instSources {
		items, _, err := st.Items(ctx, store.ItemQuery{Source: fmt.Sprintf("s%03d", n), Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range items {
			got = append(got, it.GUID)
			if storiesOf[it.URL] == nil {
				storiesOf[it.URL] = map[int64]bool{}
			}
			storiesOf[it.URL][it.Story.ID] = true
			if linksOf[it.Story.ID] == nil {
				linksOf[it.Story.ID] = map[string]bool{}
			}
			linksOf[it.Story.ID][it.URL] = true
		}
		var want []string
		for j := range lastPeriod + 1 {
			want = append(want, fmt.Sprintf("urn:feed:%d:%d", n, j))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("s%03d stored %d items %v, want each of the %d it served once", n, len(got), got, len(want))
		}
	}
	for link, stories := range storiesOf {
		if len(stories) != 1 {
			t.Errorf("%s is in %d stories, want 1", link, len(stories))
		}
	}
	for id, links := range linksOf {
		if len(links) != 1 {
			t.Errorf("story %d holds %d links, want 1", id, len(links))
		}
	}
	tot, err := st.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if tot.Stories != len(storiesOf) {
		t.Errorf("%d stories stored for %d distinct links", tot.Stories, len(storiesOf))
	}
	t.Logf("stored: %d items, %d stories", tot.Items, tot.Stories)
}

// checkSameFeeds finds the live instances serving the same bytes and ETag
// of every format of the feed, within a few seconds of the last change.
func checkSameFeeds(t *testing.T, live []*instance) {
	t.Helper()
	var diff string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		diff = ""
		for _, format := range []string{"rss", "atom", "json"} {
			var first, firstTag string
			for i, in := range live {
				resp, err := http.Get("http://" + in.addr + "/feeds/news." + format)
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || !strings.Contains(string(body), "Report") {
					diff += fmt.Sprintf("%s: news.%s: status %d without items; ", in.agent, format, resp.StatusCode)
				}
				if i == 0 {
					first, firstTag = string(body), resp.Header.Get("ETag")
				} else if string(body) != first || resp.Header.Get("ETag") != firstTag {
					diff += fmt.Sprintf("news.%s differs between %s and %s (ETag %s, %s); ", format, live[0].agent, in.agent,
						firstTag, resp.Header.Get("ETag"))
				}
			}
		}
		if diff == "" || time.Now().After(deadline) {
			break
		}
	}
	if diff != "" {
		t.Error(diff)
	}
}

// instSubscriber is a WebSub subscriber of the feed news.rss on loopback:
// it confirms the subscription and records every body delivered.
type instSubscriber struct {
	*httptest.Server
	verified chan struct{}

	mu     sync.Mutex
	bodies []string
}

const instTopic = "http://news.test/feeds/news.rss"

// instReport finds the period of each report in a feed.
var instReport = regexp.MustCompile(`Report (\d+) from`)

func newInstSubscriber(t *testing.T) *instSubscriber {
	s := &instSubscriber{verified: make(chan struct{}, 1)}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			io.WriteString(w, r.URL.Query().Get("hub.challenge"))
			select {
			case s.verified <- struct{}{}:
			default:
			}
			return
		}
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, string(body))
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

// subscribe asks in's hub for news.rss and waits for the verification.
func (s *instSubscriber) subscribe(t *testing.T, in *instance) {
	t.Helper()
	resp, err := http.PostForm("http://"+in.addr+"/websub", map[string][]string{
		"hub.mode": {"subscribe"}, "hub.topic": {instTopic}, "hub.callback": {s.URL + "/cb"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("subscribe: status %d", resp.StatusCode)
	}
	select {
	case <-s.verified:
	case <-time.After(20 * time.Second):
		t.Fatal("the subscription was not verified within 20 s")
	}
}

// check finds every version of the feed delivered once at most, and the
// last one, which in serves now, delivered.
func (s *instSubscriber) check(t *testing.T, in *instance) {
	t.Helper()
	resp, err := http.Get("http://" + in.addr + "/feeds/news.rss")
	if err != nil {
		t.Fatal(err)
	}
	final, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var bodies []string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		s.mu.Lock()
		bodies = slices.Clone(s.bodies)
		s.mu.Unlock()
		if slices.Contains(bodies, string(final)) || time.Now().After(deadline) {
			break
		}
	}
	seen := map[string]int{}
	newest := -1
	for i, b := range bodies {
		if j, ok := seen[b]; ok {
			t.Errorf("WebSub delivery %d repeats delivery %d", i, j)
		}
		seen[b] = i
		// A later version never holds older reports only.
		n := -1
		for _, m := range instReport.FindAllStringSubmatch(b, -1) {
			v, _ := strconv.Atoi(m[1])
			n = max(n, v)
		}
		if n < newest {
			t.Errorf("WebSub delivery %d's newest report is %d, after one of %d", i, n, newest)
		}
		newest = max(newest, n)
	}
	if !slices.Contains(bodies, string(final)) {
		t.Errorf("the feed's last version was not delivered (%d deliveries)", len(bodies))
	}
	t.Logf("WebSub: %d versions delivered, each once, the last one included", len(bodies))
}
