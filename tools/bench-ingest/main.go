// Command bench-ingest measures a cold and a warm `aggregator fetch` of
// many loopback sources against gofeed alone parsing the same bytes, in
// one run: items/s, the ratio to gofeed, peak RSS, store bytes per item and
// store size over feed bytes. It also runs the crowded variant (a 150-word
// vocabulary) and one feed of 100,000 small items. scripts/bench-ingest
// builds the binary and runs this; see the README's measurements.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"
	"go.yaml.in/yaml/v3"
	_ "modernc.org/sqlite"

	"aggregator/internal/benchfeed"
	"aggregator/internal/redact"
)

type options struct {
	bin, config, out, work      string
	databaseURL                 string
	profile                     string
	sources, items, hosts       int
	vocab, crowdedVocab, large  int
	concurrency, perHost, runs  int
	instances                   int
	seed                        uint64
	skipCrowded, skipLarge, tty bool
	skipRealistic               bool
}

func main() {
	var o options
	flag.StringVar(&o.bin, "bin", "", "the aggregator binary to measure (required)")
	flag.StringVar(&o.config, "config", "config.yaml", "the configuration whose topics and feeds the benchmark uses")
	flag.StringVar(&o.out, "out", "", "also write the results to this file")
	flag.StringVar(&o.profile, "profile", "", "write CPU and heap profiles of each fetch into this directory (go tool pprof)")
	flag.StringVar(&o.databaseURL, "database-url", "", "measure a PostgreSQL store: a postgres:// URL whose database allows CREATE SCHEMA (each run gets a schema, dropped at the end)")
	flag.StringVar(&o.work, "work", "", "work directory (default: a new temporary one, removed at the end)")
	flag.IntVar(&o.sources, "sources", 1000, "sources")
	flag.IntVar(&o.items, "items", 50, "items per source")
	flag.IntVar(&o.hosts, "hosts", 50, "loopback hosts the sources spread over (127.0.0.2 ...)")
	flag.IntVar(&o.vocab, "vocab", 30000, "vocabulary of the realistic corpus")
	flag.IntVar(&o.crowdedVocab, "crowded-vocab", 150, "vocabulary of the crowded corpus")
	flag.IntVar(&o.large, "large", 100000, "items of the single large feed")
	flag.IntVar(&o.concurrency, "concurrency", 8, "fetch.concurrency")
	flag.IntVar(&o.instances, "instances", 1, "aggregator fetch processes run at once into the one store, each fetching a share of the sources")
	flag.IntVar(&o.perHost, "per-host", 2, "fetch.per_host")
	flag.IntVar(&o.runs, "gofeed-runs", 3, "gofeed passes (the fastest counts)")
	flag.Uint64Var(&o.seed, "seed", 1, "corpus seed")
	flag.BoolVar(&o.skipCrowded, "no-crowded", false, "skip the crowded variant")
	flag.BoolVar(&o.skipLarge, "no-large", false, "skip the large feed")
	flag.BoolVar(&o.skipRealistic, "only-large", false, "run the large feed alone")
	flag.Parse()
	if o.bin == "" {
		fmt.Fprintln(os.Stderr, "bench-ingest: -bin is required (scripts/bench-ingest builds it)")
		os.Exit(2)
	}
	if o.hosts < 1 || o.hosts > 250 {
		fmt.Fprintln(os.Stderr, "bench-ingest: -hosts must be 1..250")
		os.Exit(2)
	}
	fi, err := os.Stderr.Stat()
	o.tty = err == nil && fi.Mode()&os.ModeCharDevice != 0
	if err := run(o); err != nil {
		o.progress("")
		fmt.Fprintln(os.Stderr, "bench-ingest:", err)
		os.Exit(1)
	}
}

func (o options) progress(format string, args ...any) {
	if o.tty {
		fmt.Fprintf(os.Stderr, "\r\033[K"+format, args...)
	}
}

func run(o options) error {
	work := o.work
	if work == "" {
		d, err := os.MkdirTemp("", "bench-ingest-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		work = d
	}
	var report bytes.Buffer
	out := io.MultiWriter(os.Stdout, &report)
	host, _ := os.Hostname()
	fmt.Fprintf(out, "bench-ingest %s on %s: %d CPUs, %s, GOMAXPROCS %d\n", time.Now().UTC().Format("2006-01-02 15:04"),
		host, runtime.NumCPU(), cpuModel(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(out, "corpus: %d sources × %d items, RSS/Atom/JSON Feed in turn, 2–10 KB bodies, 10%% wire copies, seed %d\n",
		o.sources, o.items, o.seed)
	if o.databaseURL != "" {
		fmt.Fprintf(out, "store: PostgreSQL at %s\n", redact.URL(o.databaseURL))
	}
	if o.instances > 1 {
		fmt.Fprintf(out, "instances: %d `aggregator fetch` processes at once, each a share of the sources, into one store "+
			"(wall time until the last ends; peak RSS summed)\n", o.instances)
	}

	if o.skipRealistic {
		err := o.largeFeed(work, out)
		o.progress("")
		return err
	}
	realistic, err := o.variant(work, "realistic", o.vocab, true)
	if err != nil {
		return err
	}
	realistic.print(out)
	if !o.skipCrowded {
		crowded, err := o.variant(work, "crowded", o.crowdedVocab, false)
		if err != nil {
			return err
		}
		crowded.print(out)
		fmt.Fprintf(out, "crowded / realistic, each relative to gofeed: %.2f×\n", crowded.ratio()/realistic.ratio())
	}
	if !o.skipLarge {
		if err := o.largeFeed(work, out); err != nil {
			return err
		}
	}
	o.progress("")
	if o.out != "" {
		return os.WriteFile(o.out, report.Bytes(), 0o644)
	}
	return nil
}

// result is one variant's measurements.
type result struct {
	name               string
	vocab, docs, items int
	feedBytes          int64
	gofeed             time.Duration
	cold, warm         fetchRun
	stored, stories    int
	storeBytes         int64
	warmChecked        int
}

func (r result) ratio() float64 { return r.cold.wall.Seconds() / r.gofeed.Seconds() }

func (r result) print(w io.Writer) {
	fmt.Fprintf(w, "\n[%s] vocabulary %d: %d documents, %.1f MB of feeds, %d items\n", r.name, r.vocab, r.docs,
		float64(r.feedBytes)/1e6, r.items)
	fmt.Fprintf(w, "  gofeed alone (both cores, fastest of runs): %.2f s, %.0f items/s\n",
		r.gofeed.Seconds(), float64(r.items)/r.gofeed.Seconds())
	fmt.Fprintf(w, "  cold fetch: %.2f s, %.0f items/s, %.1f× gofeed alone, peak RSS %.0f MB, exit %d\n",
		r.cold.wall.Seconds(), float64(r.items)/r.cold.wall.Seconds(), r.ratio(), r.cold.rssMB(), r.cold.exit)
	fmt.Fprintf(w, "  stored: %d of %d items (%.1f%%) in %d stories\n", r.stored, r.items,
		100*float64(r.stored)/float64(r.items), r.stories)
	fmt.Fprintf(w, "  store: %.1f MB, %.0f bytes per item, %.2f× the feed bytes\n", float64(r.storeBytes)/1e6,
		float64(r.storeBytes)/float64(max(1, r.stored)), float64(r.storeBytes)/float64(r.feedBytes))
	if r.warm.wall > 0 {
		fmt.Fprintf(w, "  warm fetch (all 304): %.2f s, %.0f polls/s, peak RSS %.0f MB, %d not modified of %d\n",
			r.warm.wall.Seconds(), float64(r.docs)/r.warm.wall.Seconds(), r.warm.rssMB(), r.warmChecked, r.docs)
	}
}

// variant generates a corpus, measures gofeed on it, serves it, and runs
// a cold (and, with warm, a warm) fetch into a fresh store.
func (o options) variant(work, name string, vocab int, warm bool) (result, error) {
	r := result{name: name, vocab: vocab, docs: o.sources, items: o.sources * o.items}
	o.progress("[%s] generating %d documents", name, o.sources)
	c := benchfeed.New(benchfeed.Spec{Sources: o.sources, Items: o.items, Vocabulary: vocab, Seed: o.seed})
	docs := make([][]byte, o.sources)
	parallel(len(docs), func(i int) { docs[i] = c.Document(i) })
	for _, d := range docs {
		r.feedBytes += int64(len(d))
	}
	o.progress("[%s] gofeed alone", name)
	var err error
	if r.gofeed, err = gofeedAlone(docs, o.runs); err != nil {
		return r, err
	}
	paths := make(map[string][]byte, len(docs))
	for i, d := range docs {
		paths[benchfeed.Path(i)] = d
	}
	port, stop, err := serve(o.hosts, paths)
	if err != nil {
		return r, err
	}
	defer stop()
	dir := filepath.Join(work, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return r, err
	}
	urls := make([]string, len(docs))
	for i := range urls {
		urls[i] = fmt.Sprintf("http://127.0.0.%d:%d%s", 2+i%o.hosts, port, benchfeed.Path(i))
	}
	st, err := o.newStore(dir)
	if err != nil {
		return r, err
	}
	defer st.drop()
	cfg, err := o.writeConfig(dir, st, urls, "10MiB")
	if err != nil {
		return r, err
	}
	o.progress("[%s] cold fetch of %d sources", name, len(urls))
	if r.cold, err = o.fetchShared(name+"-cold", cfg); err != nil {
		return r, err
	}
	if r.stored, r.stories, r.storeBytes, err = st.measure(); err != nil {
		return r, err
	}
	if warm {
		o.progress("[%s] warm fetch of %d sources", name, len(urls))
		if r.warm, err = o.fetchShared(name+"-warm", cfg); err != nil {
			return r, err
		}
		r.warmChecked = r.warm.statuses["not_modified"]
	}
	return r, nil
}

// largeFeed measures one source of o.large small items.
func (o options) largeFeed(work string, out io.Writer) error {
	o.progress("[large] generating %d items", o.large)
	c := benchfeed.New(benchfeed.Spec{Sources: 1, Items: 1, Vocabulary: o.vocab, Seed: o.seed})
	doc := c.Large(o.large)
	port, stop, err := serve(1, map[string][]byte{"/large.xml": doc})
	if err != nil {
		return err
	}
	defer stop()
	dir := filepath.Join(work, "large")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	st, err := o.newStore(dir)
	if err != nil {
		return err
	}
	defer st.drop()
	cfg, err := o.writeConfig(dir, st, []string{fmt.Sprintf("http://127.0.0.2:%d/large.xml", port)}, "200MiB")
	if err != nil {
		return err
	}
	o.progress("[large] fetching one feed of %d items", o.large)
	f, err := o.fetch("large", cfg)
	if err != nil {
		return err
	}
	stored, _, _, err := st.measure()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n[large] one feed of %d items, %.1f MB: %.2f s, peak RSS %.0f MB, stored %d, exit %d\n",
		o.large, float64(len(doc))/1e6, f.wall.Seconds(), f.rssMB(), stored, f.exit)
	return nil
}

// parallel calls fn(0..n-1) on GOMAXPROCS goroutines.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// gofeedAlone parses every document with gofeed on all cores, runs times,
// and returns the fastest pass.
func gofeedAlone(docs [][]byte, runs int) (time.Duration, error) {
	best := time.Duration(0)
	var mu sync.Mutex
	var firstErr error
	for range max(1, runs) {
		runtime.GC()
		start := time.Now()
		parallel(len(docs), func(i int) {
			if _, err := gofeed.NewParser().Parse(bytes.NewReader(docs[i])); err != nil {
				mu.Lock()
				firstErr = cmpErr(firstErr, fmt.Errorf("gofeed: document %d: %w", i, err))
				mu.Unlock()
			}
		})
		if d := time.Since(start); best == 0 || d < best {
			best = d
		}
	}
	return best, firstErr
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// serve answers paths on 127.0.0.2 .. 127.0.0.(1+hosts), one port, with
// an ETag and Last-Modified per document and 304 for a matching
// If-None-Match; it returns the port and a stop function.
func serve(hosts int, paths map[string][]byte) (int, func(), error) {
	tags := make(map[string]string, len(paths))
	for p, d := range paths {
		sum := sha256.Sum256(d)
		tags[p] = `"` + hex.EncodeToString(sum[:8]) + `"`
	}
	modified := time.Now().UTC().Add(-time.Hour).Format(http.TimeFormat)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, ok := paths[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", tags[r.URL.Path])
		w.Header().Set("Last-Modified", modified)
		if r.Header.Get("If-None-Match") == tags[r.URL.Path] {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		ct := "application/rss+xml"
		switch {
		case strings.HasSuffix(r.URL.Path, ".atom"):
			ct = "application/atom+xml"
		case strings.HasSuffix(r.URL.Path, ".json"):
			ct = "application/feed+json"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(d)
	})
	var lns []net.Listener
	stop := func() {
		for _, ln := range lns {
			ln.Close()
		}
	}
	port := 0
	for i := range hosts {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:%d", 2+i, port))
		if err != nil {
			stop()
			return 0, nil, fmt.Errorf("listen on 127.0.0.%d: %w", 2+i, err)
		}
		port = ln.Addr().(*net.TCPAddr).Port
		lns = append(lns, ln)
		go (&http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}).Serve(ln)
	}
	return port, stop, nil
}

// writeConfig writes dir/config.yaml: the base config's topics and feeds
// (feeds restricted to sources of its own are dropped) over the given
// sources, a store in dir, retention off.
func (o options) writeConfig(dir string, st benchStore, urls []string, maxBody string) (string, error) {
	raw, err := os.ReadFile(o.config)
	if err != nil {
		return "", err
	}
	var base map[string]any
	if err := yaml.Unmarshal(raw, &base); err != nil {
		return "", fmt.Errorf("%s: %w", o.config, err)
	}
	sources := make([]map[string]any, len(urls))
	for i, u := range urls {
		sources[i] = map[string]any{"id": fmt.Sprintf("outlet-%d", i), "title": fmt.Sprintf("Outlet %d", i), "url": u,
			"region": []string{"pakistan", "china", "india"}[i%3], "language": "en"}
	}
	var feeds []any
	if fs, ok := base["feeds"].([]any); ok {
		for _, f := range fs {
			if m, ok := f.(map[string]any); ok {
				if s, ok := m["sources"].([]any); ok && len(s) > 0 {
					continue
				}
			}
			feeds = append(feeds, f)
		}
	}
	// Examples files are named relative to the base config's folder.
	if ts, ok := base["topics"].([]any); ok {
		for _, t := range ts {
			if ex, ok := t.(map[string]any)["examples"].(map[string]any); ok {
				if f, ok := ex["file"].(string); ok && !filepath.IsAbs(f) {
					abs, err := filepath.Abs(filepath.Join(filepath.Dir(o.config), f))
					if err != nil {
						return "", err
					}
					ex["file"] = abs
				}
			}
		}
	}
	cfg := map[string]any{
		"server":  map[string]any{"listen": "127.0.0.1:0", "base_url": "http://127.0.0.1:8080"},
		"storage": st.config(),
		"fetch": map[string]any{"schedule": "@every 15m", "timeout": "60s", "concurrency": o.concurrency,
			"per_host": o.perHost, "max_body": maxBody, "allow_private": true},
		"dedup":   map[string]any{"near_duplicates": true, "window": "72h"},
		"log":     map[string]any{"level": "warn"},
		"topics":  base["topics"],
		"feeds":   feeds,
		"sources": sources,
	}
	b, err := yaml.Marshal(cfg)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "config.yaml")
	return path, os.WriteFile(path, b, 0o644)
}

// fetchRun is one `aggregator fetch`.
type fetchRun struct {
	wall     time.Duration
	maxRSSKB int64
	exit     int
	statuses map[string]int
}

func (f fetchRun) rssMB() float64 { return float64(f.maxRSSKB) * 1024 / 1e6 }

// fetchShared runs o.instances `aggregator fetch` processes at once, each
// fetching every o.instances-th source, and measures them as one: the
// wall time until the last ends, the sum of their peak RSS.
func (o options) fetchShared(name, cfg string) (fetchRun, error) {
	if o.instances <= 1 {
		return o.fetch(name, cfg)
	}
	shares := make([][]string, o.instances)
	for i := range o.sources {
		shares[i%o.instances] = append(shares[i%o.instances], fmt.Sprintf("outlet-%d", i))
	}
	runs := make([]fetchRun, o.instances)
	errs := make([]error, o.instances)
	start := time.Now()
	var wg sync.WaitGroup
	for k := range o.instances {
		wg.Go(func() { runs[k], errs[k] = o.fetch(fmt.Sprintf("%s-%d", name, k), cfg, shares[k]...) })
	}
	wg.Wait()
	all := fetchRun{wall: time.Since(start), statuses: map[string]int{}}
	for k, r := range runs {
		if errs[k] != nil {
			return all, errs[k]
		}
		all.maxRSSKB += r.maxRSSKB
		all.exit = max(all.exit, r.exit)
		for st, n := range r.statuses {
			all.statuses[st] += n
		}
	}
	return all, nil
}

// fetch runs `aggregator --config cfg fetch [ids...]` and measures it.
func (o options) fetch(name, cfg string, ids ...string) (fetchRun, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.bin, append([]string{"--config", cfg, "fetch"}, ids...)...)
	if o.profile != "" {
		cmd.Env = append(os.Environ(),
			"AGGREGATOR_CPUPROFILE="+filepath.Join(o.profile, name+".cpu.pprof"),
			"AGGREGATOR_MEMPROFILE="+filepath.Join(o.profile, name+".allocs.pprof"))
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return fetchRun{}, err
	}
	// The child's own high-water mark, read while it runs: rusage's
	// ru_maxrss of a child counts this process's memory at fork (Linux
	// keeps the pre-exec high-water mark), and this one holds the corpus.
	peak := make(chan int64)
	stop := make(chan struct{})
	go func() {
		var hwm int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			hwm = max(hwm, vmHWM(cmd.Process.Pid))
			select {
			case <-stop:
				peak <- hwm
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	close(stop)
	f := fetchRun{wall: time.Since(start), statuses: map[string]int{}, maxRSSKB: <-peak}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		f.exit = ee.ExitCode()
	case err != nil:
		return f, err
	}
	if o.work != "" {
		_ = os.WriteFile(filepath.Join(o.work, name+".stderr"), stderr.Bytes(), 0o644) // kept for a look
	}
	if f.exit > 1 {
		return f, fmt.Errorf("fetch exited %d: %s", f.exit, lastLines(stderr.String(), 5))
	}
	sc := bufio.NewScanner(&stdout)
	for sc.Scan() {
		if fields := strings.Split(sc.Text(), "\t"); len(fields) > 1 {
			f.statuses[strings.TrimSpace(fields[1])]++
		}
	}
	return f, nil
}

// vmHWM reads a process's peak resident set (KiB) from /proc; 0 once it
// is gone.
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(v), " kB"), &kb)
			return kb
		}
	}
	return 0
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// count returns the stored items and stories of an SQLite store.
func count(path string) (items, stories int, err error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT (SELECT COUNT(*) FROM items), (SELECT COUNT(*) FROM stories)`).Scan(&items, &stories); err != nil {
		return 0, 0, fmt.Errorf("count items in %s: %w", path, err)
	}
	return items, stories, nil
}

// storeSize adds up the database file and its WAL and shared memory.
func storeSize(path string) (int64, error) {
	var n int64
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		fi, err := os.Stat(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, err
		}
		n += fi.Size()
	}
	return n, nil
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}
