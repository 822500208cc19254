package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// countingStore answers TopicCounts and records the windows asked for.
type countingStore struct {
	store.Store
	mu     sync.Mutex
	counts map[string]store.TopicCount
	err    error
	since  []time.Time
}

func (c *countingStore) TopicCounts(_ context.Context, since []time.Time) (map[string]store.TopicCount, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.since = since
	return c.counts, c.err
}

type apiTopicsT struct {
	Topics []struct {
		ID       string         `json:"id"`
		Title    string         `json:"title"`
		Keywords []string       `json:"keywords"`
		Query    string         `json:"query"`
		Items    map[string]int `json:"items"`
	} `json:"topics"`
	CountedBy string `json:"counted_by"`
	AsOf      string `json:"as_of"`
}

func TestAPITopics(t *testing.T) {
	cs := &countingStore{counts: map[string]store.TopicCount{
		"cpec":    {Total: 120, Since: []int{3, 10, 40}},
		"retired": {Total: 7, Since: []int{0, 0, 1}}, // stored, no longer configured
	}}
	env := newTestEnv(t, func(s *Server) {
		s.Store = cs
		s.Topics = func() []model.Topic {
			return []model.Topic{
				{ID: "security", Title: "Security", Query: "attack* AND NOT cricket"},
				{ID: "cpec", Title: "CPEC", Keywords: []string{"CPEC", "Gwadar"}},
			}
		}
	})
	resp, body := env.get(t, "/api/topics")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	if got := resp.Header.Get("Content-Type"); got != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}
	var got apiTopicsT
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	t.Run("EveryConfiguredTopicInConfigOrder", func(t *testing.T) {
		var ids []string
		for _, tp := range got.Topics {
			ids = append(ids, tp.ID)
		}
		if want := []string{"security", "cpec"}; !slices.Equal(ids, want) {
			t.Errorf("topics %v, want %v (configured only, config order)", ids, want)
		}
	})
	t.Run("CountsPerWindowAndTotal", func(t *testing.T) {
		if want := map[string]int{"1d": 3, "7d": 10, "30d": 40, "total": 120}; !reflect.DeepEqual(got.Topics[1].Items, want) {
			t.Errorf("cpec items %v, want %v", got.Topics[1].Items, want)
		}
	})
	t.Run("TopicWithoutItemsHasZeros", func(t *testing.T) {
		if want := map[string]int{"1d": 0, "7d": 0, "30d": 0, "total": 0}; !reflect.DeepEqual(got.Topics[0].Items, want) {
			t.Errorf("security items %v, want zeros", got.Topics[0].Items)
		}
	})
	t.Run("ShowsTheRule", func(t *testing.T) {
		if got.Topics[0].Query != "attack* AND NOT cricket" || !slices.Equal(got.Topics[1].Keywords, []string{"CPEC", "Gwadar"}) {
			t.Errorf("rules not shown: %+v", got.Topics)
		}
	})
	t.Run("WindowsCountBackFromNowByFirstSeen", func(t *testing.T) {
		want := []time.Time{testTime.Add(-24 * time.Hour), testTime.Add(-7 * 24 * time.Hour), testTime.Add(-30 * 24 * time.Hour)}
		if !slices.EqualFunc(cs.since, want, time.Time.Equal) {
			t.Errorf("asked the store for %v, want %v", cs.since, want)
		}
		if got.CountedBy != "first_seen" || got.AsOf != testTime.Format(time.RFC3339) {
			t.Errorf("counted_by %q as_of %q", got.CountedBy, got.AsOf)
		}
	})
}

func TestAPITopicsStoreFailureIs500(t *testing.T) {
	env := newTestEnv(t, func(s *Server) {
		s.Store = &countingStore{err: errors.New("disk I/O error at /var/secret")}
	})
	resp, body := env.get(t, "/api/topics")
	if resp.StatusCode != 500 {
		t.Fatalf("status %d, want 500", resp.StatusCode)
	}
	var e errorBody
	if err := json.Unmarshal(body, &e); err != nil || e.Error != "internal error" {
		t.Errorf("body %s: want a generic error that does not leak internals", body)
	}
}

// TestAPITopicsWithSQLiteStore counts over a real store: items first seen
// two hours, three days and forty days ago.
func TestAPITopicsWithSQLiteStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "agg.db"), store.Options{Clock: func() time.Time { return testTime }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := st.SyncSources(ctx, testSources()); err != nil {
		t.Fatal(err)
	}
	for i, ago := range []time.Duration{2 * time.Hour, 3 * 24 * time.Hour, 40 * 24 * time.Hour} {
		seen := testTime.Add(-ago)
		key := string(rune('a' + i))
		_, err := st.SaveFetch(ctx, store.Fetch{
			State: model.SourceState{SourceID: "dawn", Status: model.StatusOK, LastFetch: seen},
			Items: []model.Item{{SourceID: "dawn", Key: key, URL: "https://www.dawn.com/news/" + key, Title: "Gwadar " + key,
				Published: seen, Hash: key, Topics: []model.TopicMatch{{Topic: "cpec", Terms: []string{"Gwadar"}}}}},
			Now: seen,
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	srv := &Server{Store: st, Topics: testTopics}
	h := newHandler(srv)
	h.now = func() time.Time { return testTime }
	rec := httptest.NewRecorder()
	h.serveMux().ServeHTTP(rec, httptest.NewRequest("GET", "/api/topics", nil))
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var got apiTopicsT
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"1d": 1, "7d": 2, "30d": 2, "total": 3}; !reflect.DeepEqual(got.Topics[0].Items, want) {
		t.Errorf("cpec items %v, want %v", got.Topics[0].Items, want)
	}
}
