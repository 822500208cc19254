package ingest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/fetch"
	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/web"
)

func TestBackoff(t *testing.T) {
	srv := newServer(t)
	var healthy atomic.Bool
	srv.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if !healthy.Load() {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, rss("", entry{guid: "1", link: "http://example.com/1", title: "One"}))
	})
	r := newRig(t, nil) // backoff 1m doubling, capped at 16m
	src := source("flaky", srv.URL+"/feed")

	t.Run("GrowsDoublingAndIsCappedNeverGivingUp", func(t *testing.T) {
		want := []time.Duration{1, 2, 4, 8, 16, 16, 16, 16, 16, 16, 16, 16}
		for i, w := range want {
			start := r.clock.Now()
			res := r.run(src)
			if res.Status != ingest.RunError {
				t.Fatalf("attempt %d: status %s, want error", i+1, res.Status)
			}
			st := r.state("flaky")
			if got := st.NextFetch.Sub(start); got != w*time.Minute {
				t.Errorf("attempt %d: next fetch in %s, want %s", i+1, got, w*time.Minute)
			}
			if st.ConsecutiveFailures != i+1 || st.Gone || st.Status != model.StatusError {
				t.Errorf("attempt %d: state %+v", i+1, st)
			}
			if !strings.Contains(st.LastError, "500") {
				t.Errorf("last error %q does not name the status", st.LastError)
			}
			r.clock.Set(st.NextFetch)
		}
		if got := srv.hitsOf("/feed"); got != len(want) {
			t.Errorf("server saw %d requests, want %d", got, len(want))
		}
	})

	t.Run("NotRetriedBeforeItsTime", func(t *testing.T) {
		hits := srv.hitsOf("/feed")
		r.run(src) // fails, schedules the next attempt 16m out
		r.clock.Add(15 * time.Minute)
		if res := r.run(src); res.Status != ingest.RunSkipped {
			t.Errorf("status %s before the backoff ended, want skipped", res.Status)
		}
		if got := srv.hitsOf("/feed") - hits; got != 1 {
			t.Errorf("%d requests, want 1", got)
		}
	})

	t.Run("RecoveryResetsFailures", func(t *testing.T) {
		healthy.Store(true)
		r.clock.Add(time.Hour)
		res := r.run(src)
		st := r.state("flaky")
		if res.Status != ingest.RunOK || res.New != 1 || st.ConsecutiveFailures != 0 || st.LastError != "" ||
			st.Status != model.StatusOK || !st.NextFetch.Equal(r.clock.Now()) {
			t.Errorf("after recovery: result %+v, state %+v", res, st)
		}
	})
}

func TestRetryAfter(t *testing.T) {
	srv := newServer(t)
	feed := rss("", entry{guid: "1", link: "http://example.com/1", title: "One"})
	srv.handle("/limited", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	srv.handle("/maintenance", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", time.Now().Add(2*time.Hour).UTC().Format(http.TimeFormat))
		http.Error(w, "later", http.StatusServiceUnavailable)
	})
	srv.handle("/fine", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, feed) })
	r := newRig(t, nil)
	limited, maint, fine := source("limited", srv.URL+"/limited"), source("maint", srv.URL+"/maintenance"), source("fine", srv.URL+"/fine")

	t0 := r.clock.Now()
	for _, s := range []model.Source{limited, maint, fine} {
		r.run(s)
	}
	t.Run("429DelaysThatSourceByRetryAfter", func(t *testing.T) {
		st := r.state("limited")
		if got := st.NextFetch.Sub(t0); got != time.Hour {
			t.Errorf("next fetch in %s, want 1h (Retry-After beats the 1m backoff)", got)
		}
		if !strings.Contains(st.LastError, "429") || !strings.Contains(st.LastError, "retry after") {
			t.Errorf("last error %q", st.LastError)
		}
	})
	t.Run("503WithHTTPDate", func(t *testing.T) {
		st := r.state("maint")
		if got := st.NextFetch.Sub(t0); got < 110*time.Minute || got > 2*time.Hour {
			t.Errorf("next fetch in %s, want about 2h", got)
		}
	})
	t.Run("OtherSourcesOnTheSameHostUnaffected", func(t *testing.T) {
		r.clock.Add(time.Minute)
		if res := r.run(fine); res.Status == ingest.RunSkipped || res.Err != nil {
			t.Errorf("healthy source on the same host: %+v", res)
		}
		if res := r.run(limited); res.Status != ingest.RunSkipped {
			t.Errorf("rate-limited source: status %s, want skipped", res.Status)
		}
		if got := srv.hitsOf("/fine"); got != 2 {
			t.Errorf("healthy source fetched %d times, want 2", got)
		}
		if got := srv.hitsOf("/limited"); got != 1 {
			t.Errorf("rate-limited source fetched %d times, want 1", got)
		}
	})
}

func TestFreshnessHints(t *testing.T) {
	one := entry{guid: "1", link: "http://example.com/1", title: "One"}
	tests := []struct {
		name    string
		ttl     string
		headers map[string]string
		want    time.Duration
	}{
		{"NoHintFetchesOnSchedule", "", nil, 0},
		{"RSSTTLInMinutes", "<ttl>60</ttl>", nil, time.Hour},
		{"CacheControlMaxAge", "", map[string]string{"Cache-Control": "public, max-age=7200"}, 2 * time.Hour},
		{"LongerOfTTLAndMaxAge", "<ttl>30</ttl>", map[string]string{"Cache-Control": "max-age=5400"}, 90 * time.Minute},
		{"ExpiresRelativeToDate", "", map[string]string{"Date": "Sun, 01 Mar 2026 12:00:00 GMT", "Expires": "Sun, 01 Mar 2026 12:45:00 GMT"}, 45 * time.Minute},
		{"CappedByMaxHint", "<ttl>10080</ttl>", map[string]string{"Cache-Control": "max-age=604800"}, 3 * time.Hour},
		{"NoCacheIgnored", "", map[string]string{"Cache-Control": "no-cache, max-age=7200"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.headers {
					w.Header().Set(k, v)
				}
				fmt.Fprint(w, rss(tt.ttl, one))
			})
			r := newRig(t, nil)
			src := source("s", srv.URL+"/feed")
			t0 := r.clock.Now()
			if res := r.run(src); res.Status != ingest.RunOK {
				t.Fatalf("run: %+v", res)
			}
			if got := r.state("s").NextFetch.Sub(t0); got != tt.want {
				t.Errorf("next fetch in %s, want %s", got, tt.want)
			}
			if tt.want > 0 {
				r.clock.Add(tt.want - time.Second)
				if res := r.run(src); res.Status != ingest.RunSkipped {
					t.Errorf("before the hint: status %s, want skipped", res.Status)
				}
				r.clock.Add(time.Second)
				if res := r.run(src); res.Status != ingest.RunOK {
					t.Errorf("at the hint: status %s, want ok", res.Status)
				}
			}
		})
	}
}

func TestPermanentRedirect(t *testing.T) {
	feed := rss("", entry{guid: "1", link: "http://example.com/1", title: "One"})
	tests := []struct {
		name      string
		code      int
		permanent bool
	}{
		{"MovedPermanentlyRecorded", http.StatusMovedPermanently, true},
		{"PermanentRedirectRecorded", http.StatusPermanentRedirect, true},
		{"FoundNotRecorded", http.StatusFound, false},
		{"TemporaryRedirectNotRecorded", http.StatusTemporaryRedirect, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t)
			srv.handle("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", tt.code) })
			srv.handle("/new", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, feed) })
			r := newRig(t, nil)
			src := source("moved", srv.URL+"/old")
			for range 2 {
				if res := r.run(src); res.Err != nil {
					t.Fatal(res.Err)
				}
			}
			st := r.state("moved")
			wantURL, wantOld := "", 2
			if tt.permanent {
				wantURL, wantOld = srv.URL+"/new", 1
			}
			if st.PermanentURL != wantURL {
				t.Errorf("PermanentURL = %q, want %q", st.PermanentURL, wantURL)
			}
			if got := srv.hitsOf("/old"); got != wantOld {
				t.Errorf("old URL fetched %d times, want %d", got, wantOld)
			}
			if src.URL != srv.URL+"/old" {
				t.Errorf("config URL changed to %q", src.URL)
			}
			if tt.permanent {
				got := apiSource(t, r, src)
				if got.URL != src.URL || got.PermanentURL != wantURL {
					t.Errorf("/api/sources shows url %q permanent_url %q, want %q and %q", got.URL, got.PermanentURL, src.URL, wantURL)
				}
			}
		})
	}
}

// TestPageFeedIsRemembered configures a source by its HTML page: the
// first fetch follows the page's <link rel="alternate"> to the feed and
// remembers it; later fetches go straight to the feed with its validators
// (a 304), never fetching the page again.
func TestPageFeedIsRemembered(t *testing.T) {
	feed := rss("", entry{guid: "1", link: "http://example.com/1", title: "One"})
	srv := newServer(t)
	srv.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>News</title>`+
			`<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Home</body></html>`)
	})
	srv.handle("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, feed)
	})
	r := newRig(t, nil)
	src := source("page", srv.URL+"/")
	for i := range 3 {
		res := r.run(src)
		if res.Err != nil {
			t.Fatalf("fetch %d: %v", i, res.Err)
		}
		if i > 0 && res.Status != ingest.RunNotModified {
			t.Errorf("fetch %d: not a 304: the feed's validators were not used", i)
		}
		r.clock.Add(time.Hour)
	}
	if got := srv.hitsOf("/"); got != 1 {
		t.Errorf("the page was fetched %d times, want once", got)
	}
	if got := r.state("page").PermanentURL; got != srv.URL+"/feed.xml" {
		t.Errorf("PermanentURL = %q, want the feed's URL", got)
	}
	if n := len(r.items("page")); n != 1 {
		t.Errorf("%d items stored, want 1", n)
	}
}

// apiSourceJSON is the part of an /api/sources entry the tests read.
type apiSourceJSON struct {
	ID                  string `json:"id"`
	URL                 string `json:"url"`
	Status              string `json:"status"`
	LastError           string `json:"last_error"`
	ConsecutiveFailures int    `json:"consecutive_failures"`
	Items               int    `json:"items"`
	PermanentURL        string `json:"permanent_url"`
	Gone                bool   `json:"gone"`
}

// apiSources asks a web.Server over the rig's store for /api/sources.
func apiSources(t *testing.T, base string) map[string]apiSourceJSON {
	t.Helper()
	resp, err := http.Get(base + "/api/sources")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Sources []apiSourceJSON `json:"sources"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("/api/sources: status %d, %v", resp.StatusCode, err)
	}
	out := map[string]apiSourceJSON{}
	for _, s := range body.Sources {
		out[s.ID] = s
	}
	return out
}

func apiSource(t *testing.T, r *rig, src model.Source) apiSourceJSON {
	t.Helper()
	ws := httptest.NewServer((&web.Server{Store: r.store, Sources: func() []model.Source { return []model.Source{src} }}).Handler())
	defer ws.Close()
	return apiSources(t, ws.URL)[src.ID]
}

func TestGone(t *testing.T) {
	srv := newServer(t)
	srv.handle("/feed", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	r := newRig(t, nil)
	src := source("gone", srv.URL+"/feed")

	res := r.run(src)
	if !errors.Is(res.Err, fetch.ErrGone) {
		t.Fatalf("err = %v, want ErrGone", res.Err)
	}
	st := r.state("gone")
	if !st.Gone || st.Status != model.StatusDisabled || !strings.Contains(st.LastError, "410") ||
		!strings.Contains(st.LastError, "disabled") {
		t.Errorf("state %+v, want gone, disabled, saying so", st)
	}
	r.clock.Add(30 * 24 * time.Hour)
	if res := r.run(src); res.Status != ingest.RunSkipped {
		t.Errorf("a gone source ran again: %+v", res)
	}
	if got := srv.hitsOf("/feed"); got != 1 {
		t.Errorf("gone feed fetched %d times, want 1", got)
	}
	api := apiSource(t, r, src)
	if api.Status != model.StatusDisabled || !api.Gone || !strings.Contains(api.LastError, "gone") {
		t.Errorf("/api/sources shows %+v", api)
	}
	if res := r.pipe.Run(context.Background(), src, true); res.Status == ingest.RunSkipped {
		t.Error("a forced run skipped the gone source")
	}
}

func TestIdentity(t *testing.T) {
	// The publisher mints a new GUID on every fetch (feedpushr#53).
	var fetches atomic.Int32
	srv := newServer(t)
	srv.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		n := fetches.Add(1)
		var es []entry
		for i := range 5 {
			es = append(es, entry{guid: fmt.Sprintf("urn:uuid:%d-%d", n, i),
				link: fmt.Sprintf("http://example.com/story/%d?utm_source=rss&n=%d", i, i), title: fmt.Sprintf("Story %d", i)})
		}
		fmt.Fprint(w, rss("", es...))
	})
	tests := []struct {
		identity string
		want     int // stored items after three fetches
	}{
		{model.IdentityGUID, 15}, // the flood the option exists to stop
		{model.IdentityLink, 5},
		{model.IdentityTitle, 5},
	}
	for _, tt := range tests {
		t.Run("By"+strings.ToUpper(tt.identity[:1])+tt.identity[1:], func(t *testing.T) {
			r := newRig(t, nil)
			src := source("unstable", srv.URL+"/feed")
			src.Identity = tt.identity
			var last ingest.Result
			for range 3 {
				last = r.run(src)
			}
			if got := len(r.items("unstable")); got != tt.want {
				t.Errorf("%d items stored, want %d", got, tt.want)
			}
			if tt.identity != model.IdentityGUID && (last.New != 0 || last.Duplicate != 5) {
				t.Errorf("third fetch: %+v, want 0 new, 5 duplicates", last)
			}
		})
	}
}

func TestDuplicateGUIDsInOneDocument(t *testing.T) {
	srv := newServer(t)
	srv.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss("",
			entry{guid: "dup", link: "http://example.com/a", title: "First of the twins"},
			entry{guid: "dup", link: "http://example.com/b", title: "Second of the twins"},
			entry{guid: "solo", link: "http://example.com/c", title: "Solo"},
			entry{guid: "dup", link: "http://example.com/d", title: "Third of the twins"},
		))
	})
	r := newRig(t, nil)
	res := r.run(source("twins", srv.URL+"/feed"))
	if res.Err != nil || res.New != 2 || res.Duplicate != 2 {
		t.Fatalf("result %+v, want 2 new, 2 duplicates", res)
	}
	titles := map[string]bool{}
	for _, it := range r.items("twins") {
		titles[it.Title] = true
	}
	if !titles["First of the twins"] || !titles["Solo"] || len(titles) != 2 {
		t.Errorf("stored %v, want the first of the duplicates and the solo item", titles)
	}
}

func TestCorrectionUpdatesInPlace(t *testing.T) {
	srv := newServer(t)
	body := ptr(rss("", entry{guid: "g1", link: "http://example.com/1", title: "Blast in Quetta kills 5", desc: "Five people died."}))
	srv.serve("/feed", body)
	r := newRig(t, nil)
	src := source("wire", srv.URL+"/feed")
	if res := r.run(src); res.New != 1 {
		t.Fatalf("first fetch: %+v", res)
	}
	before := r.items("wire")[0]

	body.Store(ptr(rss("", entry{guid: "g1", link: "http://example.com/1", title: "Blast in Quetta kills 7", desc: "Seven people died."})).Load())
	r.clock.Add(time.Hour)
	res := r.run(src)
	if res.New != 0 || res.Updated != 1 {
		t.Fatalf("correction: %+v, want 0 new, 1 updated", res)
	}
	items := r.items("wire")
	if len(items) != 1 {
		t.Fatalf("%d items after a correction, want 1", len(items))
	}
	after := items[0]
	if after.ID != before.ID || after.Title != "Blast in Quetta kills 7" || !strings.Contains(after.SummaryText, "Seven") ||
		!after.FirstSeen.Equal(before.FirstSeen) || after.Story.ID != before.Story.ID {
		t.Errorf("after correction: %+v\nbefore: %+v", after, before)
	}

	r.clock.Add(time.Hour)
	if res := r.run(src); res.Updated != 0 || res.Duplicate != 1 {
		t.Errorf("unchanged re-fetch: %+v, want 1 duplicate", res)
	}
}

// TestLargeFeedStoredInBatches stores a feed of more items than one batch
// holds: every item once, repeats across batches counted as duplicates,
// near-duplicates joined across batches, and the source's state saved.
func TestLargeFeedStoredInBatches(t *testing.T) {
	const n = 4500
	var entries []entry
	for i := range n {
		entries = append(entries, entry{guid: fmt.Sprintf("g%d", i), link: fmt.Sprintf("http://example.com/%d", i),
			title: fmt.Sprintf("Item %d of a long feed about subject %d", i, i%97), desc: fmt.Sprintf("Text %d.", i)})
	}
	// The same story under another guid and URL, 3,000 entries apart.
	entries[10] = entry{guid: "early", link: "http://example.com/early",
		title: "Flood waters rise in Sukkur as Indus barrage nears danger mark", desc: "The Indus at Sukkur barrage rose to 600,000 cusecs on Monday, officials said."}
	entries[3010] = entry{guid: "late", link: "http://other.example.com/late",
		title: "Flood waters rise in Sukkur as Indus barrage nears danger mark", desc: "The Indus at Sukkur barrage rose to 600,000 cusecs on Monday, officials said."}
	entries = append(entries, entries[7]) // a repeat, in the last batch
	srv := newServer(t)
	srv.serve("/feed", ptr(rss("", entries...)))
	r := newRig(t, func(o *ingest.Options) { o.NearDuplicates, o.Window = true, 72*time.Hour })
	src := source("big", srv.URL+"/feed")
	res := r.run(src)
	if res.Status != ingest.RunOK || res.New != n || res.Duplicate != 1 {
		t.Fatalf("fetch = %+v, want %d new and 1 duplicate", res, n)
	}
	if st := r.state("big"); st.Status != model.StatusOK || st.LastSuccess.IsZero() {
		t.Errorf("state = %+v, want ok", st)
	}
	byKey := map[string]model.Item{}
	for _, it := range r.allItems() {
		byKey[it.GUID] = it
	}
	if len(byKey) != n {
		t.Fatalf("%d items stored, want %d", len(byKey), n)
	}
	if byKey["early"].Story.ID != byKey["late"].Story.ID {
		t.Errorf("the late copy is in story %d, the early one in %d", byKey["late"].Story.ID, byKey["early"].Story.ID)
	}
}
