package web

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

type apiSourcesT struct {
	Sources []apiSourceT `json:"sources"`
}

type apiSourceT struct {
	ID                  string         `json:"id"`
	Title               string         `json:"title"`
	URL                 string         `json:"url"`
	Region              string         `json:"region"`
	Language            string         `json:"language"`
	Enabled             bool           `json:"enabled"`
	Status              string         `json:"status"`
	LastFetch           *string        `json:"last_fetch"`
	LastError           string         `json:"last_error"`
	ConsecutiveFailures int            `json:"consecutive_failures"`
	NextFetch           *string        `json:"next_fetch"`
	Items               int            `json:"items"`
	PermanentURL        string         `json:"permanent_url"`
	RetryAfter          *string        `json:"retry_after"`
	Refused             *int           `json:"refused"`
	RefusedReasons      map[string]int `json:"refused_reasons"`
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

func TestAPISourcesMergesConfigAndState(t *testing.T) {
	env := newTestEnv(t, func(s *Server) {
		s.Sources = func() []model.Source {
			return []model.Source{
				{ID: "ok", Title: "OK", URL: "https://ok.test/rss", Region: "pakistan", Language: "en", Enabled: true},
				{ID: "failing", Title: "Failing", Enabled: true},
				{ID: "new", Title: "New", Enabled: true},
				{ID: "off", Title: "Off", Enabled: false},
				{ID: "gone", Title: "Gone", Enabled: true},
				{ID: "moved", Title: "Moved", Enabled: true},
			}
		}
	})
	env.store.states = []model.SourceState{
		{SourceID: "ok", Status: model.StatusOK, LastFetch: testTime.Add(-time.Minute), NextFetch: testTime.Add(14 * time.Minute), Items: 40,
			Refused: map[string]int{"empty": 2}},
		{SourceID: "failing", Status: model.StatusError, LastFetch: testTime.Add(-time.Minute), LastError: "HTTP 503", ConsecutiveFailures: 3,
			RetryAfter: testTime.Add(time.Hour), Items: 5},
		{SourceID: "off", Status: model.StatusOK, LastFetch: testTime.Add(-time.Hour), NextFetch: testTime.Add(time.Hour), Items: 9},
		{SourceID: "gone", Status: model.StatusError, LastError: "HTTP 410 Gone", Gone: true, LastFetch: testTime.Add(-time.Hour)},
		{SourceID: "moved", Status: model.StatusOK, PermanentURL: "https://new.test/rss", RetryAfter: testTime.Add(-time.Hour), LastFetch: testTime},
		{SourceID: "unconfigured", Status: model.StatusOK, Items: 100},
	}
	resp, body := env.get(t, "/api/sources")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d: %s", resp.StatusCode, body)
	}
	var got apiSourcesT
	decodeJSON(t, resp, body, &got)
	byID := map[string]apiSourceT{}
	for _, s := range got.Sources {
		byID[s.ID] = s
	}
	if len(got.Sources) != 6 {
		t.Fatalf("%d sources, want the 6 configured: %s", len(got.Sources), body)
	}
	if got.Sources[0].ID != "ok" || got.Sources[5].ID != "moved" {
		t.Errorf("not in config order: %s", body)
	}
	t.Run("RefusedEntriesCounted", func(t *testing.T) {
		if s := byID["ok"]; s.Refused == nil || *s.Refused != 2 || s.RefusedReasons["empty"] != 2 {
			t.Errorf("ok: refused %v %v, want 2 by reason empty", s.Refused, s.RefusedReasons)
		}
		if s := byID["failing"]; s.Refused == nil || *s.Refused != 0 || s.RefusedReasons == nil {
			t.Errorf("failing: refused %v %v, want 0 and {}", s.Refused, s.RefusedReasons)
		}
	})
	t.Run("OK", func(t *testing.T) {
		s := byID["ok"]
		if s.Status != "ok" || s.Items != 40 || str(s.LastFetch) != "2025-03-02T11:59:00Z" || str(s.NextFetch) != "2025-03-02T12:14:00Z" {
			t.Errorf("%+v", s)
		}
		if s.Title != "OK" || s.URL != "https://ok.test/rss" || s.Region != "pakistan" || s.Language != "en" || !s.Enabled {
			t.Errorf("config not merged: %+v", s)
		}
	})
	t.Run("ErrorKeepsFailuresAndFutureRetryAfter", func(t *testing.T) {
		s := byID["failing"]
		if s.Status != "error" || s.LastError != "HTTP 503" || s.ConsecutiveFailures != 3 || str(s.RetryAfter) != "2025-03-02T13:00:00Z" {
			t.Errorf("%+v", s)
		}
		// No stored next fetch: the scheduler's.
		if str(s.NextFetch) != "2025-03-02T12:07:00Z" {
			t.Errorf("next_fetch = %s, want the scheduler's", str(s.NextFetch))
		}
	})
	t.Run("NeverFetched", func(t *testing.T) {
		s := byID["new"]
		if s.Status != "never" || s.LastFetch != nil || s.Items != 0 || str(s.NextFetch) != "2025-03-02T12:07:00Z" {
			t.Errorf("%+v", s)
		}
	})
	t.Run("DisabledInConfig", func(t *testing.T) {
		s := byID["off"]
		if s.Status != "disabled" || s.NextFetch != nil || s.Enabled || s.Items != 9 {
			t.Errorf("%+v", s)
		}
	})
	t.Run("GoneIsDisabled", func(t *testing.T) {
		if s := byID["gone"]; s.Status != "disabled" || s.NextFetch != nil || s.LastError != "HTTP 410 Gone" {
			t.Errorf("%+v", s)
		}
	})
	t.Run("MovedShowsPermanentURLAndNoPastRetryAfter", func(t *testing.T) {
		if s := byID["moved"]; s.PermanentURL != "https://new.test/rss" || s.RetryAfter != nil {
			t.Errorf("%+v", s)
		}
	})
}

func TestAPISourcesEdgeCases(t *testing.T) {
	t.Run("NoSourcesIsEmptyArray", func(t *testing.T) {
		env := newTestEnv(t, func(s *Server) { s.Sources = nil })
		_, body := env.get(t, "/api/sources")
		if got, want := string(body), "{\"sources\":[]}\n"; got != want {
			t.Errorf("body = %q, want %q", got, want)
		}
	})
	t.Run("StoreFailureIs500", func(t *testing.T) {
		env := newTestEnv(t, nil)
		env.store.sourcesErr = errors.New("boom")
		resp, body := env.get(t, "/api/sources")
		if resp.StatusCode != 500 {
			t.Fatalf("status = %d: %s", resp.StatusCode, body)
		}
		var e struct{ Error string }
		decodeJSON(t, resp, body, &e)
		if e.Error != "internal error" {
			t.Errorf("error = %q", e.Error)
		}
	})
	t.Run("PastNotBeforeBoundGivesTheSchedulersTick", func(t *testing.T) {
		// A success without freshness hints stores next_fetch = last_fetch;
		// the answer must be the scheduler's coming run, not a past time.
		env := newTestEnv(t, nil)
		env.store.states = []model.SourceState{{SourceID: "dawn", Status: model.StatusOK,
			LastFetch: testTime.Add(-time.Minute), NextFetch: testTime.Add(-time.Minute)}}
		_, body := env.get(t, "/api/sources")
		var got apiSourcesT
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Sources {
			if s.ID == "dawn" && str(s.NextFetch) != "2025-03-02T12:07:00Z" {
				t.Errorf("next_fetch = %s, want the scheduler's 2025-03-02T12:07:00Z", str(s.NextFetch))
			}
		}
	})
	t.Run("NilNextFetchLeavesNull", func(t *testing.T) {
		env := newTestEnv(t, func(s *Server) { s.NextFetch = nil })
		_, body := env.get(t, "/api/sources")
		var got apiSourcesT
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		for _, s := range got.Sources {
			if s.ID == "xinhua" && s.NextFetch != nil {
				t.Errorf("next_fetch = %s, want null", *s.NextFetch)
			}
		}
	})
}

// TestSecretsInSourceURLsAreNotShown: a source configured with a password
// and a token in its URL, and an error that names it, are shown on
// /api/sources and / without them.
func TestSecretsInSourceURLsAreNotShown(t *testing.T) {
	const configured = "http://user:hunter2@feeds.test/rss?lang=ur&token=tok-s3cret"
	env := newTestEnv(t, func(s *Server) {
		s.Sources = func() []model.Source {
			return []model.Source{{ID: "private", Title: "Private", URL: configured, Enabled: true}}
		}
	})
	env.store.states = []model.SourceState{{SourceID: "private", Status: model.StatusError, LastFetch: testTime,
		LastError: "fetch " + configured + ": status 500", PermanentURL: "https://feeds.test/new?api_key=k3y"}}
	_, body := env.get(t, "/api/sources")
	var got apiSourcesT
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	s := got.Sources[0]
	if want := "http://feeds.test/rss?lang=ur&token=REDACTED"; s.URL != want {
		t.Errorf("url = %q, want %q", s.URL, want)
	}
	if want := "fetch http://feeds.test/rss?lang=ur&token=REDACTED: status 500"; s.LastError != want {
		t.Errorf("last_error = %q, want %q", s.LastError, want)
	}
	if want := "https://feeds.test/new?api_key=REDACTED"; s.PermanentURL != want {
		t.Errorf("permanent_url = %q, want %q", s.PermanentURL, want)
	}
	_, page := env.get(t, "/")
	for _, secret := range []string{"hunter2", "tok-s3cret", "k3y"} {
		if strings.Contains(string(body), secret) || strings.Contains(string(page), secret) {
			t.Errorf("%q shown", secret)
		}
	}
	if !strings.Contains(string(page), "feeds.test/rss?lang=ur&amp;token=REDACTED") {
		t.Error("the page does not show the redacted URL")
	}
}
