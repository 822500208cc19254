// Package store keeps sources' state, items, stories and topics. All SQL
// lives here, behind the Store interface, in one implementation (DB) over
// SQLite or PostgreSQL, each engine's own pieces in its dialect. Open
// picks the engine from the location: a postgres:// URL or a file path.
package store

import (
	"context"
	"errors"
	"time"

	"aggregator/internal/model"
)

// ErrNotFound is returned when an asked-for record does not exist.
var ErrNotFound = errors.New("not found")

// Store is what the pipeline, the publisher and the web need of storage.
// Every method takes a context first and is safe for concurrent use.
type Store interface {
	Instances // several serve instances on one store (instances.go)

	// SyncSources records the configured sources (titles, regions,
	// languages) so that queries can filter and credit them. Sources no
	// longer configured keep their items.
	SyncSources(ctx context.Context, sources []model.Source) error

	// SourceState returns what we remember about fetching a source; a
	// source never fetched has Status "never".
	SourceState(ctx context.Context, sourceID string) (model.SourceState, error)
	// SaveSourceState records a fetch attempt that stored no items
	// (failures, 304s).
	SaveSourceState(ctx context.Context, st model.SourceState) error
	// Sources lists every known source's state with its item count.
	Sources(ctx context.Context) ([]model.SourceState, error)

	// SaveFetch stores one fetch of one source in one transaction: its
	// items (inserted, or updated in place when their Hash changed) and its
	// state. New items join a story: one whose member has the same
	// canonical URL, otherwise the story match picks among near-duplicate
	// candidates first seen since window before; otherwise a new story.
	SaveFetch(ctx context.Context, f Fetch) (SaveResult, error)

	// Items lists stored items newest first (by published, then id) with
	// their topics and story, and the cursor of the next page ("" at the
	// end). Used by /api/items.
	Items(ctx context.Context, q ItemQuery) (items []model.Item, next string, error error)
	// Item returns one item with its topics and story.
	Item(ctx context.Context, id int64) (model.Item, error)
	// ItemByURL returns, with its topics and story, the earliest-seen item
	// whose canonical URL, or else whose link as the feed gave it, is url;
	// ErrNotFound when none is.
	ItemByURL(ctx context.Context, url string) (model.Item, error)
	// TopicCounts counts per topic the stored items carrying it: all of
	// them, and those first seen at or after each time of since.
	TopicCounts(ctx context.Context, since []time.Time) (map[string]TopicCount, error)
	// TopicDaily counts per topic the items published on each of the last
	// days UTC days up to now's, oldest first (the home page's sparklines).
	TopicDaily(ctx context.Context, days int, now time.Time) (map[string][]int, error)
	// Stories lists the faces of the stories a published feed holds,
	// newest first (by the face's Published), each with its members
	// (earliest first) in Story. A story is in the feed when the union of
	// its members' topics satisfies the query; the returned face carries
	// that union in Topics (the face's own matches first). Source, region
	// and language restrictions hold when any member satisfies them.
	Stories(ctx context.Context, q StoryQuery) ([]model.Item, error)

	// ItemHashes returns the stored Hash of each of keys already stored
	// for the source; keys not stored are absent. The pipeline uses it to
	// fetch article pages only for items that are new or corrected.
	ItemHashes(ctx context.Context, sourceID string, keys []string) (map[string]string, error)

	// EachItem calls fn for every stored item (without story), oldest
	// first, stopping at the first error.
	EachItem(ctx context.Context, fn func(model.Item) error) error
	// SetTopics replaces the topics of items (retag), in one transaction.
	SetTopics(ctx context.Context, topics map[int64][]model.TopicMatch) error

	// Prune removes items first seen before the cutoff, keeping every
	// story whole (the face moves to the next earliest member).
	Prune(ctx context.Context, before time.Time) (int, error)

	// SaveSubscription records a verified WebSub subscription, replacing
	// the one with the same topic and callback.
	SaveSubscription(ctx context.Context, sub Subscription) error
	// DeleteSubscription forgets a WebSub subscription (no error when absent).
	DeleteSubscription(ctx context.Context, topic, callback string) error
	// Subscriptions lists a topic's WebSub subscriptions not expired at now.
	Subscriptions(ctx context.Context, topic string, now time.Time) ([]Subscription, error)
	// CountSubscriptions counts the subscriptions not expired at now, in
	// all, to topic and with callback's host, and says whether (topic,
	// callback) is one of them (a renewal).
	CountSubscriptions(ctx context.Context, topic, callback string, now time.Time) (SubscriptionCounts, error)
	// PruneSubscriptions removes the subscriptions expired at now.
	PruneSubscriptions(ctx context.Context, now time.Time) (int, error)

	// ChangeVersion returns the store-wide change marker: a counter that
	// every write able to change published content (SaveFetch storing or
	// joining items, SetTopics, Prune removing items) increments in its
	// own transaction, whichever process makes it. A server polls it to
	// notice writes made by other processes.
	ChangeVersion(ctx context.Context) (int64, error)

	// Backup writes a consistent copy of the whole SQLite store to a new
	// file at path (an error when it exists; ErrBackupPostgres on
	// PostgreSQL, which pg_dump backs up), while other connections and
	// processes keep reading and writing. progress, when not nil, is
	// called now and then with the bytes written so far and the expected
	// total (an estimate: the copy leaves out free space), from another
	// goroutine.
	Backup(ctx context.Context, path string, progress func(done, total int64)) error
	// Totals counts the stored items and stories.
	Totals(ctx context.Context) (Totals, error)
	// DiskSize is the bytes the store occupies on disk (for SQLite the
	// database file and its write-ahead log; for PostgreSQL the tables of
	// its schema with their indexes and TOAST).
	DiskSize(ctx context.Context) (int64, error)

	// Ping answers whether the store is usable.
	Ping(ctx context.Context) error
	Close() error
}

// Fetch is one fetch of one source, to store atomically.
type Fetch struct {
	State  model.SourceState
	Items  []model.Item
	Window time.Duration // near-duplicate clustering window; 0 disables near-duplicates
	Match  StoryMatch    // nil disables near-duplicates
	// Prepare, when set, decodes a candidate's Sig into the form Match
	// reads (Candidate.Prepared); the store keeps it with the candidate.
	Prepare func(sig []byte) any
	Now     time.Time
}

// StoryMatch picks, among candidates sharing a fingerprint bucket with
// item, the story the item belongs to with the route and score of the
// evidence, or the zero Join for none.
type StoryMatch func(item *model.Item, candidates []model.Candidate) model.Join

// SaveResult counts what a fetch did to the store.
type SaveResult struct {
	New       int // items not seen before
	Updated   int // corrections: same identity, new content
	Unchanged int // same identity, same content
	Joined    int // new items that joined an existing story (of New)
	// Changed is the set of topic ids whose published content changed.
	Changed map[string]bool
	// Version is the change marker this fetch set (see ChangeVersion)
	// when it inserted, updated or joined anything; 0 when it did not.
	Version int64
}

// Totals are the store's record counts.
type Totals struct {
	Items   int
	Stories int
}

// Subscription is a WebSub subscriber of a published feed (the topic).
type Subscription struct {
	Topic    string
	Callback string
	Secret   string // HMAC key for X-Hub-Signature; "" for none
	Lease    time.Duration
	Created  time.Time
	Expires  time.Time
}

// SubscriptionCounts are the unexpired WebSub subscriptions in all, to
// one topic and with one callback host; Exists says whether the one asked
// about is among them.
type SubscriptionCounts struct {
	Total, Topic, Host int
	Exists             bool
}

// ItemQuery selects items.
type ItemQuery struct {
	Topic  string
	Source string
	Text   string // full-text query (FTS5)
	Limit  int
	Before string // cursor from the previous page
}

// StoryQuery selects the stories of a published feed.
type StoryQuery struct {
	Topics        []string
	MatchAll      bool
	ExcludeTopics []string
	Sources       []string
	Regions       []string
	Languages     []string
	Limit         int
}
