package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"aggregator/internal/dedup"
	"aggregator/internal/model"
	"aggregator/internal/store"
)

// The lead of an agency article and the rest of it, and two outlets'
// short copies of it: its first sentence under new headlines.
const (
	ispLead = `Pakistan and Uzbekistan on Monday signed an agreement to begin work on the Trans-Afghan railway project linking Termez with Peshawar through Mazar-i-Sharif and Kabul, at a ceremony in Islamabad attended by Prime Minister Shehbaz Sharif and President Shavkat Mirziyoyev.`
	ispRest = `The 760-kilometre line is expected to cost about $4.8 billion and would cut the time taken to move goods between Central Asia and the Arabian Sea ports of Karachi and Gwadar from about 35 days to five, officials said.
The framework agreement was signed by Railways Minister Hanif Abbasi and Uzbekistan's Transport Minister Ilkhom Makhkamov. Afghan officials attended the ceremony as observers.
Addressing the ceremony, the prime minister said the railway would turn Pakistan into a corridor of regional trade and bring prosperity to the people of all three countries.
President Mirziyoyev said a joint feasibility study would be completed by the middle of next year, after which the partners would approach international financial institutions for funding.
The two sides also signed memoranda of understanding on cooperation in agriculture, pharmaceuticals and higher education, and agreed to raise bilateral trade to $2 billion within three years.`
)

func TestShortCopyJoinsByLeadContainment(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "join.db")
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	open := func() *store.DB {
		s, err := store.OpenSQLite(ctx, path, store.Options{Clock: func() time.Time { return now }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	save := func(s *store.DB, src, url, title, text string) model.Item {
		t.Helper()
		it := model.Item{SourceID: src, Key: url, GUID: url, URL: url, Title: title, ContentText: text,
			Content: "<p>" + text + "</p>", Hash: url, Published: now}
		it.Fingerprint = dedup.Fingerprint(&it)
		if _, err := s.SaveFetch(ctx, store.Fetch{State: model.SourceState{SourceID: src}, Items: []model.Item{it},
			Window: 72 * time.Hour, Match: dedup.Match, Prepare: dedup.Prepare, Now: now}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(10 * time.Minute)
		got, err := s.ItemByURL(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range got.Story.Members { // another source's item may have the URL
			if m.Source == src && m.ItemID != got.ID {
				if got, err = s.Item(ctx, m.ItemID); err != nil {
					t.Fatal(err)
				}
			}
		}
		return got
	}

	s := open()
	article := save(s, "app", "https://app.example/trans-afghan", "Pakistan, Uzbekistan sign deal on Trans-Afghan railway", ispLead+"\n"+ispRest)
	if article.Join != (model.Join{}) {
		t.Errorf("the article founded its story, but is stored as joined by %+v", article.Join)
	}
	short := save(s, "geo", "https://geo.example/rail", "Work on Termez-Peshawar rail link to begin",
		ispLead+" the Foreign Office said.")
	if short.Story.ID != article.Story.ID || short.Join.Route != model.RouteContainment || short.Join.Score < 0.5 {
		t.Errorf("the short copy: story %d joined by %+v, want story %d by %s", short.Story.ID, short.Join, article.Story.ID, model.RouteContainment)
	}
	byURL := save(s, "agg", "https://geo.example/rail", "Rail link deal signed", "")
	if byURL.Story.ID != article.Story.ID || byURL.Join.Route != model.RouteURL || byURL.Join.Score != 1 {
		t.Errorf("the same URL elsewhere: story %d joined by %+v, want story %d by %s", byURL.Story.ID, byURL.Join, article.Story.ID, model.RouteURL)
	}

	// A new process reads its story index from what was stored: the lead
	// shingles and buckets of the article are there.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open()
	later := save(s, "dunya", "https://dunya.example/railway", "Trans-Afghan railway: accord signed in Islamabad", ispLead)
	if later.Story.ID != article.Story.ID || later.Join.Route == "" {
		t.Errorf("a copy after a restart: story %d joined by %+v, want story %d", later.Story.ID, later.Join, article.Story.ID)
	}
}
