package ingest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"aggregator/internal/ingest"
	"aggregator/internal/metrics"
	"aggregator/internal/normalize"
)

// A wire of short posts: description-only items are stored (title derived,
// identity from the text, link to the site); an item with nothing to show
// is refused and counted, in the result, the stored state and the metrics.
func TestDescriptionOnlyItemsStoredAndEmptyOnesCounted(t *testing.T) {
	srv := newServer(t)
	srv.handle("/wire", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link>
<item><description>Security forces repulsed an attack on a check post in Bajaur, officials said.</description><pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate></item>
<item><description>Flood warning issued for the Indus at Guddu barrage.</description><pubDate>Sun, 01 Mar 2026 10:05:00 GMT</pubDate></item>
<item><pubDate>Sun, 01 Mar 2026 10:10:00 GMT</pubDate></item>
<item><guid>only-a-guid</guid></item>
<item><title>An ordinary headline</title><link>http://wire.example/a</link></item>
</channel></rss>`)
	})
	m := metrics.New()
	r := newRig(t, func(o *ingest.Options) { o.Metrics = m })
	res := r.run(source("wire", srv.URL+"/wire"))
	if res.Err != nil || res.New != 3 || res.Refused != 2 || res.RefusedBy[normalize.RefusedEmpty] != 2 {
		t.Fatalf("result %+v, want 3 new and 2 refused", res)
	}
	byTitle := map[string]bool{}
	for _, it := range r.items("wire") {
		byTitle[it.Title] = true
		if derived := it.Title != "An ordinary headline"; it.TitleDerived != derived {
			t.Errorf("%q stored with TitleDerived %v, want %v", it.Title, it.TitleDerived, derived)
		}
		if it.Title != "An ordinary headline" && it.URL == "" && it.RawURL != "http://wire.example/" {
			t.Errorf("%q links to %q, want the site", it.Title, it.RawURL)
		}
	}
	for _, want := range []string{"Security forces repulsed an attack on a check post in Bajaur, officials said.",
		"Flood warning issued for the Indus at Guddu barrage.", "An ordinary headline"} {
		if !byTitle[want] {
			t.Errorf("not stored: %q (stored %v)", want, byTitle)
		}
	}
	st := r.state("wire")
	if got := st.Refused[normalize.RefusedEmpty]; got != 2 || st.RefusedTotal() != 2 {
		t.Errorf("stored refused counts %v, want %s=2", st.Refused, normalize.RefusedEmpty)
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if want := `aggregator_items_refused_total{reason="empty",source="wire"} 2`; !strings.Contains(rec.Body.String(), want) {
		t.Errorf("/metrics lacks %s", want)
	}

	r.clock.Add(24 * time.Hour)
	again := r.run(source("wire", srv.URL+"/wire"))
	if again.New != 0 || again.Duplicate != 3 || again.Refused != 2 {
		t.Errorf("second fetch %+v, want the 3 stored ones unchanged and 2 refused again", again)
	}
}
