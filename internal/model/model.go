// Package model holds the plain types that flow through the pipeline:
// configured sources, topics and feeds, normalised items, stories and the
// fetch state of a source. It imports nothing from this module.
package model

import "time"

// Source is one configured feed to fetch.
type Source struct {
	ID       string
	Title    string
	URL      string
	Schedule string // robfig/cron spec; empty means the fetch default
	Region   string
	Language string
	Topics   []string // topic ids applied to every item of this source
	Enabled  bool
	Identity string // "guid" | "link" | "title": what makes an item the same item
	FullText bool
}

// Identity values for Source.Identity.
const (
	IdentityGUID  = "guid"
	IdentityLink  = "link"
	IdentityTitle = "title"
)

// Topic is a tagging rule.
type Topic struct {
	ID          string
	Title       string
	Description string
	Keywords    []string
	Query       string // boolean query, instead of Keywords
	Exclude     []string
	Fields      []string // title, summary, content, categories
	// Examples teach the topic's classifier; Classifier turns it on.
	Examples   []Example
	Classifier Classifier
}

// Classifier is a topic's opt-in learned classifier: the topic also
// applies when the classifier scores an item at or above Threshold (0-1).
type Classifier struct {
	Enabled   bool
	Threshold float64
}

// Example is one labelled example of a topic: a headline (optionally with
// its first sentence), or a stored item named by its article URL or id.
type Example struct {
	Text    string // headline text; empty when URL or ID names a stored item
	Summary string // the item's first sentence, when given
	URL     string // a stored item's article URL
	ItemID  int64  // a stored item's id
	In      bool   // in the topic (true) or out of it
	At      string // where it was given ("config.yaml:120"), for messages
}

// Feed is a curated published feed beyond the one every topic gets.
type Feed struct {
	ID            string
	Title         string
	Description   string
	Topics        []string
	Match         string // "all" | "any"
	ExcludeTopics []string
	Sources       []string
	Regions       []string
	Languages     []string
	Limit         int
}

// Match values for Feed.Match.
const (
	MatchAll = "all"
	MatchAny = "any"
)

// Fields an item's text can be matched in.
const (
	FieldTitle      = "title"
	FieldSummary    = "summary"
	FieldContent    = "content"
	FieldCategories = "categories"
)

// Item is one normalised entry of a source.
type Item struct {
	ID          int64  // store id; 0 before it is stored
	SourceID    string // the source's id
	SourceTitle string // filled on reads
	SourceURL   string // the source's feed URL, filled on reads
	Key         string // identity of the item within its source (see Source.Identity)
	GUID        string // the entry's guid/id as published, may be empty
	URL         string // canonical article URL
	RawURL      string // the link as the feed gave it, resolved to absolute

	Title      string   // plain text, entities decoded, whitespace collapsed
	Summary    string   // sanitised HTML
	Content    string   // sanitised HTML
	Author     string   // plain text
	Categories []string // the entry's own categories
	ImageURL   string

	// TitleDerived says that the entry had no title: Title was made from
	// the start of its text.
	TitleDerived bool

	// Plain text of Summary and Content, for matching and search.
	SummaryText string
	ContentText string

	Published time.Time // the source's date, or FirstSeen when missing or in the future
	Updated   time.Time // the source's updated date, may be zero
	FirstSeen time.Time // when we first stored it
	Hash      string    // digest of the visible fields: a change means a correction

	Fingerprint Fingerprint  // near-duplicate signature, see package dedup
	Topics      []TopicMatch // the topics that apply, with why
	Story       Story        // filled on reads
	Join        Join         // how it came into its story; the zero Join when it founded it
	Snippet     string       // highlighted full-text snippet, on searches
}

// Entry is one entry of a feed as parsed, before normalisation. Text fields
// are as the feed gave them (HTML for Summary and Content).
type Entry struct {
	GUID       string
	Link       string
	Title      string
	Summary    string
	Content    string
	Author     string
	Categories []string
	ImageURL   string
	Published  time.Time // zero when missing or unparsable
	Updated    time.Time
	// SiteLink is the feed's own link (the site's address), the link of
	// an entry that has none.
	SiteLink string
	// Outlet is the publisher an aggregated entry credits (RSS <source>,
	// as Google News gives it), "" otherwise.
	Outlet string
}

// Fingerprint is the near-duplicate signature of an item. The store indexes
// Buckets (items sharing any bucket are candidates of one another) and keeps
// Sig opaque; the dedup package computes and compares both.
type Fingerprint struct {
	Buckets []int64 // the keys the item is filed under
	// Lookup, when set, are the keys a new item's candidates are found
	// under, in place of Buckets: some keys only find items of another
	// kind (an article looks for short copies of it, not for articles
	// sharing its lead). Not stored.
	Lookup []int64
	Sig    []byte
}

// LookupKeys are the keys a new item's candidates are found under.
func (f *Fingerprint) LookupKeys() []int64 {
	if f.Lookup != nil {
		return f.Lookup
	}
	return f.Buckets
}

// TopicMatch says that a topic applies to an item and why.
type TopicMatch struct {
	Topic string
	Terms []string // the distinct matched terms as configured
	Hits  []Hit    // where each term matched
	Via   string   // ViaClassifier when only the topic's classifier applied it; else empty
}

// ViaClassifier marks a TopicMatch that the topic's classifier made, its
// rules not matching.
const ViaClassifier = "classifier"

// Hit is one match of a term in a field of an item; Offset is in bytes of
// the field's normalised plain text.
type Hit struct {
	Term   string
	Field  string
	Offset int
}

// Story is a cluster of items that carry the same news. Its face is the
// earliest-seen member.
type Story struct {
	ID      int64
	Key     string // stable public id, never changes once published
	Members []StoryMember
}

// Join says which story an item joined and why: the route of the
// evidence and its score (0.5 just at the route's threshold, towards 1
// the surer; 1 for the canonical URL).
type Join struct {
	StoryID int64
	Route   string // one of the Route constants; "" when the item joined none
	Score   float64
}

// Routes by which an item joins a story.
const (
	RouteURL         = "url"         // the same canonical URL as a member
	RouteText        = "text"        // the whole texts overlap
	RouteContainment = "containment" // its short text is in the lead of a long member, or the reverse
	RouteHeadline    = "headline"    // headline and lead words, names and figures agree
)

// StoryMember is one outlet's copy of a story.
type StoryMember struct {
	ItemID      int64
	Source      string
	SourceTitle string
	URL         string
	Title       string
	FirstSeen   time.Time
}

// Candidate is a stored item that may carry the same story as a new one.
type Candidate struct {
	ItemID    int64
	StoryID   int64
	SourceID  string
	FirstSeen time.Time
	Sig       []byte
	// Prepared is the matcher's decoded form of Sig (see store.Fetch's
	// Prepare), kept by the store so that a candidate of many items is
	// decoded once; nil when there is none.
	Prepared any
}

// Source fetch statuses.
const (
	StatusOK       = "ok"
	StatusError    = "error"
	StatusDisabled = "disabled"
	StatusNever    = "never"
)

// SourceState is what we remember about fetching a source.
type SourceState struct {
	SourceID            string
	ETag                string
	LastModified        string
	LastFetch           time.Time // last attempt
	LastSuccess         time.Time
	NextFetch           time.Time
	Status              string
	LastError           string
	ConsecutiveFailures int
	PermanentURL        string    // where a 301/308 sent us
	RetryAfter          time.Time // do not fetch before this
	Gone                bool      // 410: disabled until the config changes
	// Refused counts, by reason, the entries of the last stored fetch that
	// could not be stored (see normalize.Refused); nil when none.
	Refused map[string]int
	Items   int // stored items (on reads)
}

// RefusedTotal is the number of entries the last stored fetch refused.
func (st SourceState) RefusedTotal() int {
	n := 0
	for _, c := range st.Refused {
		n += c
	}
	return n
}
