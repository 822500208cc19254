// Package benchfeed generates the ingest benchmark's sources: N outlets of
// M items of news-like text, deterministic for a seed, as RSS 2.0, Atom
// 1.0 and JSON Feed 1.1 in turn. Words are drawn from a Zipfian vocabulary
// (realistic: 30,000 words; crowded: 150, so that every item shares word
// pairs with thousands of others); bodies run 2–10 KB of HTML; a tenth of
// the items are copies of wire stories carried by several outlets under
// new headlines, with rewritten leads and tracking parameters in their
// links.
package benchfeed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"time"
)

// Spec describes a generated corpus.
type Spec struct {
	Sources    int
	Items      int       // per source
	Vocabulary int       // distinct words; 150 makes the crowded variant
	Seed       uint64    // same seed, same bytes
	Base       time.Time // the newest item's date; others go back up to 48 h
	// Syndicated is the share of items that are copies of wire stories
	// (0.1 by default); each wire story is carried by about WireCopies
	// outlets.
	Syndicated float64
	WireCopies int
	// MinBody and MaxBody bound an item's body in bytes of HTML (2,000
	// and 10,000 by default).
	MinBody, MaxBody int
}

// Formats, in the order sources take them.
const (
	RSS  = "rss"
	Atom = "atom"
	JSON = "json"
)

// Corpus generates documents for a Spec.
type Corpus struct {
	spec  Spec
	words []string
	names []string
	wires int
}

// New prepares a corpus, filling defaults.
func New(s Spec) *Corpus {
	if s.Vocabulary <= 0 {
		s.Vocabulary = 30000
	}
	if s.Syndicated == 0 {
		s.Syndicated = 0.1
	}
	if s.WireCopies <= 0 {
		s.WireCopies = 5
	}
	if s.MinBody <= 0 {
		s.MinBody = 2000
	}
	if s.MaxBody < s.MinBody {
		s.MaxBody = max(10000, s.MinBody)
	}
	if s.Base.IsZero() {
		s.Base = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	}
	c := &Corpus{spec: s}
	r := rand.New(rand.NewPCG(s.Seed, 0x5eed))
	seen := map[string]bool{}
	for len(c.words) < s.Vocabulary {
		w := pseudoWord(r)
		if !seen[w] {
			seen[w] = true
			c.words = append(c.words, w)
		}
	}
	// Real news words (the shipped topics' keywords among them) take
	// every seventh rank from the third on, so that topics match about as
	// often as in real regional news.
	for i, w := range newsWords {
		if k := 2 + 7*i; k < len(c.words) {
			c.words[k] = w
		}
	}
	// Names (people, places, organisations) are capitalised words of
	// their own, a tenth of the vocabulary's size.
	for len(c.names) < max(10, s.Vocabulary/10) {
		w := pseudoWord(r)
		if !seen[w] {
			seen[w] = true
			c.names = append(c.names, strings.ToUpper(w[:1])+w[1:])
		}
	}
	c.wires = max(1, int(float64(s.Sources*s.Items)*s.Syndicated)/s.WireCopies)
	return c
}

// Spec returns the corpus's spec with its defaults filled.
func (c *Corpus) Spec() Spec { return c.spec }

var newsWords = strings.Fields(`government minister said police security attack officials militants
province talks economy inflation budget electricity prices power visit cooperation border army forces
terrorists killed blast operation IMF loan agreement bilateral CPEC Gwadar corridor project Chinese
investment gas LNG shortage fuel petrol tariff exports rupee growth summit delegation ambassador
foreign trade bank reserves debt hydropower solar energy grid load-shedding checkpost infiltration
ceasefire drone strike convoy engineers port railway highway Beijing Islamabad Karachi Quetta
Peshawar Lahore Delhi Kabul Balochistan Khyber court election parliament opposition protest floods
rain wheat cotton stock market index dollar oil refinery pipeline`)

var syllables = strings.Fields("ka ra ma ta na sa la pa da ba ga ha ja va za ke re me te ne se le pe de be " +
	"ki ri mi ti ni si li pi di bi ko ro mo to no so lo po do bo ku ru mu tu nu su lu pu du bu an en in on un " +
	"ar er ir or ur al el il ol ul ash esh ish osh ush")

func pseudoWord(r *rand.Rand) string {
	n := 1 + r.IntN(3)
	var b strings.Builder
	for range n {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	return b.String()
}

// Format returns source i's format.
func Format(i int) string {
	return [...]string{RSS, Atom, JSON}[i%3]
}

// Path returns source i's path on the origin.
func Path(i int) string {
	return fmt.Sprintf("/feed/%d.%s", i, map[string]string{RSS: "xml", Atom: "atom", JSON: "json"}[Format(i)])
}

// item is one generated item before rendering.
type item struct {
	title, link, guid, body, summary string
	published                        time.Time
}

// writer draws words for one item from its own random stream.
type writer struct {
	c  *Corpus
	r  *rand.Rand
	zw *rand.Zipf
	zn *rand.Zipf
}

func (c *Corpus) writer(seed1, seed2 uint64) *writer {
	r := rand.New(rand.NewPCG(seed1, seed2))
	return &writer{
		c:  c,
		r:  r,
		zw: rand.NewZipf(r, 1.07, 2, uint64(len(c.words)-1)),
		zn: rand.NewZipf(r, 1.2, 3, uint64(len(c.names)-1)),
	}
}

func (w *writer) word() string {
	x := w.r.IntN(100)
	switch {
	case x < 8:
		return w.c.names[w.zn.Uint64()]
	case x < 10:
		return fmt.Sprint(w.r.IntN(2000))
	}
	return w.c.words[w.zw.Uint64()]
}

func (w *writer) sentence(min, max int) string {
	n := min + w.r.IntN(max-min+1)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word()
	}
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

func (w *writer) headline() string {
	n := 6 + w.r.IntN(7)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.word()
	}
	parts[w.r.IntN(n)] = w.c.names[w.zn.Uint64()]
	s := strings.Join(parts, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// paragraphs writes HTML paragraphs until about size bytes, the first
// being lead.
func (w *writer) paragraphs(lead string, size int) string {
	var b strings.Builder
	b.WriteString("<p>" + lead + "</p>\n")
	for b.Len() < size {
		b.WriteString("<p>")
		for s := 3 + w.r.IntN(4); s > 0; s-- {
			sent := w.sentence(8, 22)
			switch w.r.IntN(25) {
			case 0:
				sent = `<a href="/topics/` + w.c.words[w.zw.Uint64()] + `?utm_source=inline">` + sent + `</a>`
			case 1:
				sent = "<strong>" + sent + "</strong>"
			case 2:
				sent = sent + ` <img src="/img/` + fmt.Sprint(w.r.IntN(1e6)) + `.jpg" alt="photo">`
			}
			b.WriteString(sent)
			b.WriteByte(' ')
		}
		b.WriteString("</p>\n")
	}
	return b.String()
}

// bodySize draws a body size between MinBody and MaxBody, most of them
// short: MinBody + (MaxBody-MinBody)·u⁵ averages a third of the way up
// from 2 KB (about 3.3 KB), as news bodies in feeds do.
func (c *Corpus) bodySize(r *rand.Rand) int {
	u := r.Float64()
	return c.spec.MinBody + int(float64(c.spec.MaxBody-c.spec.MinBody)*u*u*u*u*u)
}

var tracking = []string{"?utm_source=rss&utm_medium=feed", "?utm_campaign=wire&fbclid=IwAR0x", "?gclid=Cj0KCQ&utm_source=twitter", ""}

// items generates source i's items, newest first.
func (c *Corpus) items(i int) []item {
	s := c.spec
	out := make([]item, s.Items)
	host := fmt.Sprintf("outlet%d.example.com", i)
	for j := range out {
		w := c.writer(s.Seed^uint64(i)<<20^uint64(j), 0xfeed)
		it := &out[j]
		it.published = s.Base.Add(-time.Duration(j)*48*time.Hour/time.Duration(max(1, s.Items)) -
			time.Duration(i%60)*time.Minute)
		it.guid = fmt.Sprintf("https://%s/news/%d-%d", host, i, j)
		it.link = it.guid + tracking[j%len(tracking)]
		if w.r.Float64() < s.Syndicated {
			c.wireCopy(w, i, it)
			continue
		}
		it.title = w.headline()
		lead := w.sentence(18, 30)
		it.body = w.paragraphs(lead, c.bodySize(w.r))
		it.summary = lead
	}
	return out
}

// wireCopy makes it an outlet's copy of a wire story: the wire's body with
// a rewritten lead under a reworded headline, linking to the wire's URL
// with tracking parameters half the time.
func (c *Corpus) wireCopy(w *writer, i int, it *item) {
	s := c.spec
	id := w.r.IntN(c.wires)
	ww := c.writer(s.Seed^0x77697265<<8^uint64(id), 0xa9e)
	headline := strings.Fields(ww.headline())
	lead := strings.Fields(ww.sentence(18, 30))
	body := ww.paragraphs("", c.bodySize(ww.r))
	// Each outlet rewords: swaps two headline words, replaces one, and
	// rewrites a few of the lead's words.
	if len(headline) > 3 {
		a, b := w.r.IntN(len(headline)), w.r.IntN(len(headline))
		headline[a], headline[b] = headline[b], headline[a]
		headline[w.r.IntN(len(headline))] = w.word()
	}
	for k := 0; k < 3; k++ {
		lead[w.r.IntN(len(lead))] = w.word()
	}
	it.title = strings.Join(headline, " ")
	it.summary = strings.Join(lead, " ")
	it.body = "<p>" + it.summary + "</p>\n" + strings.TrimPrefix(body, "<p></p>\n")
	if w.r.IntN(2) == 0 {
		it.link = fmt.Sprintf("https://wire.example.org/%d/story-%d%s", id/100, id, tracking[i%len(tracking)])
	}
}

// Document returns source i's document.
func (c *Corpus) Document(i int) []byte {
	items := c.items(i)
	title := fmt.Sprintf("Outlet %d", i)
	site := fmt.Sprintf("https://outlet%d.example.com/", i)
	var b bytes.Buffer
	b.Grow(len(items) * (c.spec.MinBody + c.spec.MaxBody) * 6 / 10)
	switch Format(i) {
	case RSS:
		full := i%6 == 0 // a summary in description, the article in content:encoded
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` + "\n")
		fmt.Fprintf(&b, "<title>%s</title><link>%s</link><description>News from %s</description>\n", title, site, title)
		for _, it := range items {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid isPermaLink=\"true\">%s</guid><pubDate>%s</pubDate>",
				html.EscapeString(it.title), html.EscapeString(it.link), it.guid, it.published.Format(time.RFC1123Z))
			if full {
				fmt.Fprintf(&b, "<description>%s</description><content:encoded><![CDATA[%s]]></content:encoded>",
					html.EscapeString(it.summary), it.body)
			} else {
				fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.body))
			}
			b.WriteString("</item>\n")
		}
		b.WriteString("</channel></rss>\n")
	case Atom:
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
		fmt.Fprintf(&b, "<title>%s</title><id>%s</id><link href=\"%s\"/><updated>%s</updated>\n",
			title, site, site, c.spec.Base.Format(time.RFC3339))
		for _, it := range items {
			fmt.Fprintf(&b, "<entry><title>%s</title><link href=\"%s\"/><id>%s</id><updated>%s</updated>"+
				"<summary>%s</summary><content type=\"html\">%s</content></entry>\n",
				html.EscapeString(it.title), html.EscapeString(it.link), it.guid, it.published.Format(time.RFC3339),
				html.EscapeString(it.summary), html.EscapeString(it.body))
		}
		b.WriteString("</feed>\n")
	case JSON:
		type jsonItem struct {
			ID          string `json:"id"`
			URL         string `json:"url"`
			Title       string `json:"title"`
			Summary     string `json:"summary"`
			ContentHTML string `json:"content_html"`
			Published   string `json:"date_published"`
		}
		doc := struct {
			Version string     `json:"version"`
			Title   string     `json:"title"`
			Home    string     `json:"home_page_url"`
			Items   []jsonItem `json:"items"`
		}{Version: "https://jsonfeed.org/version/1.1", Title: title, Home: site}
		for _, it := range items {
			doc.Items = append(doc.Items, jsonItem{it.guid, it.link, it.title, it.summary, it.body,
				it.published.Format(time.RFC3339)})
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(doc) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}

// Large returns one RSS document of n short items (a headline and a
// sentence or two each): the benchmark's single huge feed.
func (c *Corpus) Large(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel>\n" +
		"<title>Large</title><link>https://large.example.com/</link><description>Many items</description>\n")
	for j := range n {
		w := c.writer(c.spec.Seed^0x1a46e<<24^uint64(j), 0x1a)
		fmt.Fprintf(&b, "<item><title>%s</title><link>https://large.example.com/a/%d</link><pubDate>%s</pubDate>"+
			"<description>%s</description></item>\n",
			html.EscapeString(w.headline()), j,
			c.spec.Base.Add(-time.Duration(j)*time.Second).Format(time.RFC1123Z),
			html.EscapeString(w.sentence(15, 30)+" "+w.sentence(10, 25)))
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}
