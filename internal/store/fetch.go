package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"aggregator/internal/model"
)

// SaveFetch stores one fetch of one source in one transaction.
//
// The items already stored are read once for the whole fetch; a new item
// takes its id (and a new story its id) from a counter kept for the
// transaction, so that it is written with one INSERT, its story chosen
// beforehand in memory (storyIndex) and, when it founds the story, the
// story written whole at once. Only stories that an item joined or that
// a correction touched are recomputed from their members at the end.
func (s *DB) SaveFetch(ctx context.Context, f Fetch) (SaveResult, error) {
	if f.Now.IsZero() {
		f.Now = s.clock()
	}
	f.Now = f.Now.UTC()
	res := SaveResult{Changed: map[string]bool{}}
	s.indexMu.Lock()
	defer s.indexMu.Unlock()
	synced := false
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		w := &fetchWriter{s: s, tx: tx, f: f, res: &res, touched: map[int64]bool{}, added: map[string]int{}}
		err := w.run(ctx)
		synced = w.synced
		return err
	})
	if err != nil {
		s.index.reset() // it may hold items that were rolled back
		return SaveResult{}, fmt.Errorf("save fetch of %s: %w", f.State.SourceID, err)
	}
	if synced && res.Version > 0 {
		s.index.version = res.Version // in step: this fetch's items are in it
	}
	return res, nil
}

// fetchWriter is one SaveFetch's transaction.
type fetchWriter struct {
	s       *DB
	tx      *wtx
	f       Fetch
	res     *SaveResult
	stored  map[string]storedItem // by sourceID + "\n" + key
	touched map[int64]bool        // stories to recompute at the end
	added   map[string]int        // new items per source
	indexed []indexed             // to put in the full-text index, last
	nextID  int64                 // the next item id to take (0: not read yet)
	nextSID int64                 // the next story id to take
	synced  bool                  // the story index was brought up to date
}

// indexed is an item to put in the full-text index; replace for a
// correction, whose old text is indexed already.
type indexed struct {
	item    *model.Item
	replace bool
}

// storedItem is what the writer needs of an item already stored.
type storedItem struct {
	id, story, firstSeen int64
	hash                 string
}

func (w *fetchWriter) run(ctx context.Context) error {
	if err := ensureSource(ctx, w.tx, w.f.State.SourceID); err != nil {
		return err
	}
	items := make([]model.Item, len(w.f.Items)) // a copy: the caller's items stay as given
	copy(items, w.f.Items)
	sources := map[string]bool{}
	for i := range items {
		if items[i].SourceID == "" {
			items[i].SourceID = w.f.State.SourceID
		}
		if id := items[i].SourceID; id != w.f.State.SourceID && !sources[id] {
			sources[id] = true
			if err := ensureSource(ctx, w.tx, id); err != nil {
				return err
			}
		}
	}
	if err := w.readStored(ctx, items); err != nil {
		return err
	}
	for i := range items {
		it := &items[i]
		if err := w.save(ctx, it); err != nil {
			return fmt.Errorf("item %q of %s: %w", it.Key, it.SourceID, err)
		}
	}
	// The full-text index is written last: FTS5 flushes its pending
	// terms whenever another statement opens a savepoint.
	for _, ix := range w.indexed {
		if err := ftsPut(ctx, w.tx, w.s.d, ix.item.ID, ix.item.Title, ix.item.SummaryText, ix.item.ContentText, ix.replace); err != nil {
			return err
		}
	}
	for src, n := range w.added {
		if _, err := w.tx.ExecContext(ctx, `UPDATE sources SET item_count = item_count + ? WHERE id = ?`, n, src); err != nil {
			return fmt.Errorf("count items of %s: %w", src, err)
		}
	}
	if w.f.State.SourceID != "" {
		if err := putSourceState(ctx, w.tx, w.f.State); err != nil {
			return err
		}
	}
	if err := refreshStories(ctx, w.tx, w.touched, w.res.Changed); err != nil {
		return err
	}
	if w.res.New+w.res.Updated == 0 { // joined items are new ones
		return nil
	}
	v, err := bumpVersion(ctx, w.tx)
	w.res.Version = v
	return err
}

// readStored reads the id, story, first-seen time and hash of every item
// of the fetch already stored, a few hundred keys a query.
func (w *fetchWriter) readStored(ctx context.Context, items []model.Item) error {
	w.stored = make(map[string]storedItem, len(items))
	bySource := map[string][]any{}
	for i := range items {
		bySource[items[i].SourceID] = append(bySource[items[i].SourceID], items[i].Key)
	}
	for src, keys := range bySource {
		for start := 0; start < len(keys); start += hashesPerQuery {
			chunk := keys[start:min(start+hashesPerQuery, len(keys))]
			rows, err := w.tx.QueryContext(ctx, `SELECT key, id, COALESCE(story_id, 0), first_seen, hash FROM items
				WHERE source_id = ? AND key IN (`+placeholders(len(chunk))+`)`, append([]any{src}, chunk...)...)
			if err != nil {
				return fmt.Errorf("read stored items of %s: %w", src, err)
			}
			if err := w.scanStored(rows, src); err != nil {
				return fmt.Errorf("read stored items of %s: %w", src, err)
			}
		}
	}
	return nil
}

func (w *fetchWriter) scanStored(rows *sql.Rows, src string) error {
	defer rows.Close()
	for rows.Next() {
		var key string
		var st storedItem
		if err := rows.Scan(&key, &st.id, &st.story, &st.firstSeen, &st.hash); err != nil {
			return err
		}
		w.stored[src+"\n"+key] = st
	}
	return rows.Err()
}

// save stores one item: unchanged, a correction, or new.
func (w *fetchWriter) save(ctx context.Context, it *model.Item) error {
	if it.Key == "" {
		return errors.New("empty item key")
	}
	if it.Published.IsZero() || it.Published.After(w.f.Now) {
		it.Published = w.f.Now
	}
	ref := it.SourceID + "\n" + it.Key
	old, ok := w.stored[ref]
	switch {
	case ok && old.hash == it.Hash:
		w.res.Unchanged++
		return nil
	case ok:
		return w.correct(ctx, it, old)
	}
	if err := w.insert(ctx, it); err != nil {
		return err
	}
	w.stored[ref] = storedItem{id: it.ID, story: it.Story.ID, firstSeen: toMS(it.FirstSeen), hash: it.Hash}
	return nil
}

// insert stores a new item in the story it belongs to, founding one when
// none fits.
func (w *fetchWriter) insert(ctx context.Context, it *model.Item) error {
	id, err := w.takeID(ctx, &w.nextID, `SELECT COALESCE(MAX(id), 0) FROM items`)
	if err != nil {
		return err
	}
	it.ID, it.FirstSeen = id, w.f.Now
	story, joined, err := w.chooseStory(ctx, it)
	if err != nil {
		return err
	}
	founded := false
	if !joined {
		if story, founded, err = w.foundStory(ctx, it); err != nil {
			return err
		}
	}
	it.Story.ID = story
	cats, err := jsonText(it.Categories)
	if err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, insertItemSQL,
		it.ID, it.SourceID, it.Key, story, toMS(it.Published), toMS(it.FirstSeen), nullMS(it.Updated), it.Hash,
		it.URL, it.Title, it.GUID, it.RawURL, it.Author, it.ImageURL, cats, it.Fingerprint.Sig,
		encodeBuckets(it.Fingerprint.Buckets), it.Summary, it.Content, it.TitleDerived); err != nil {
		return fmt.Errorf("insert: %w", err)
	}
	if err := putItemTopics(ctx, w.tx, it.ID, toMS(it.Published), it.Topics, false); err != nil {
		return err
	}
	w.res.New++
	w.added[it.SourceID]++
	w.indexed = append(w.indexed, indexed{item: it})
	if founded {
		// The item is the story's face and its topics are the story's.
		for _, tm := range it.Topics {
			w.res.Changed[tm.Topic] = true
			if _, err := w.tx.ExecContext(ctx, `INSERT INTO story_topics (story_id, topic, published) VALUES (?, ?, ?)`,
				story, tm.Topic, toMS(it.Published)); err != nil {
				return fmt.Errorf("put topic %s of story %d: %w", tm.Topic, story, err)
			}
		}
	} else {
		w.res.Joined++
		for _, tm := range it.Topics {
			w.res.Changed[tm.Topic] = true
		}
		w.touched[story] = true
	}
	if w.synced {
		slot := w.s.index.add(entryOf(it), it.Fingerprint.Buckets, it.FirstSeen.UnixMilli() >= w.since())
		if founded {
			w.s.index.setFace(slot)
		}
	}
	return nil
}

// correct updates an item the source corrected (same identity, new
// hash), keeping its id, first-seen time and story.
func (w *fetchWriter) correct(ctx context.Context, it *model.Item, old storedItem) error {
	it.ID, it.FirstSeen, it.Story.ID = old.id, fromMS(old.firstSeen), old.story
	if it.Published.Equal(w.f.Now) {
		// An undated (or future-dated) correction keeps the first-seen
		// time as its date.
		it.Published = it.FirstSeen
	}
	cats, err := jsonText(it.Categories)
	if err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(ctx, updateItemSQL,
		it.GUID, it.URL, it.RawURL, it.Title, it.TitleDerived, it.Summary, it.Content, it.Author, cats, it.ImageURL,
		toMS(it.Published), nullMS(it.Updated), it.Hash, it.Fingerprint.Sig, encodeBuckets(it.Fingerprint.Buckets),
		it.ID); err != nil {
		return fmt.Errorf("update: %w", err)
	}
	if err := putItemTopics(ctx, w.tx, it.ID, toMS(it.Published), it.Topics, true); err != nil {
		return err
	}
	for _, tm := range it.Topics {
		w.res.Changed[tm.Topic] = true
	}
	w.res.Updated++
	w.touched[old.story] = true
	w.indexed = append(w.indexed, indexed{item: it, replace: true})
	w.stored[it.SourceID+"\n"+it.Key] = storedItem{id: old.id, story: old.story, firstSeen: old.firstSeen, hash: it.Hash}
	if w.s.index.holds(it.ID) {
		// Refiled under its new buckets, whether or not this fetch brought
		// the index up to date: it is the item's state as committed.
		w.s.index.add(entryOf(it), it.Fingerprint.Buckets, old.firstSeen >= w.since())
	}
	return nil
}

func entryOf(it *model.Item) indexEntry {
	return indexEntry{id: it.ID, story: it.Story.ID, firstSeen: it.FirstSeen.UnixMilli(), source: it.SourceID,
		sig: it.Fingerprint.Sig}
}

// takeID returns the next id of a table, reading the highest stored one
// (query) the first time: the writer is the only one inserting while its
// transaction lasts.
func (w *fetchWriter) takeID(ctx context.Context, next *int64, query string) (int64, error) {
	if *next == 0 {
		var top int64
		if err := w.tx.QueryRowContext(ctx, query).Scan(&top); err != nil {
			return 0, fmt.Errorf("next id: %w", err)
		}
		*next = top + 1
	}
	id := *next
	*next++
	return id, nil
}

// since is the earliest first-seen time of near-duplicate candidates.
func (w *fetchWriter) since() int64 { return w.f.Now.Add(-w.f.Window).UnixMilli() }

// chooseStory finds the story a new item joins: one holding an item with
// the same canonical URL, else the near-duplicate the match picks among
// recent candidates; joined is false when none fits.
func (w *fetchWriter) chooseStory(ctx context.Context, it *model.Item) (id int64, joined bool, err error) {
	if it.URL != "" {
		err := w.tx.QueryRowContext(ctx, `SELECT story_id FROM items
			WHERE url = ? AND url <> '' AND story_id IS NOT NULL
			ORDER BY first_seen, id LIMIT 1`, it.URL).Scan(&id)
		switch {
		case err == nil:
			return id, true, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, fmt.Errorf("find story by url: %w", err)
		}
	}
	if w.f.Match == nil || w.f.Window <= 0 || len(it.Fingerprint.Buckets) == 0 {
		return 0, false, nil
	}
	if !w.synced {
		if err := w.s.index.sync(ctx, w.tx, w.since()); err != nil {
			return 0, false, err
		}
		w.synced = true
	}
	cands, missing := w.s.index.candidates(it.Fingerprint.Buckets, w.since(), w.f.Prepare)
	if len(missing) > 0 {
		if err := w.s.index.loadFaces(ctx, w.tx, missing); err != nil {
			return 0, false, err
		}
		cands, _ = w.s.index.candidates(it.Fingerprint.Buckets, w.since(), w.f.Prepare)
	}
	if len(cands) == 0 {
		return 0, false, nil
	}
	if id := w.f.Match(it, cands); id != 0 && storyExists(ctx, w.tx, id) {
		return id, true, nil
	}
	return 0, false, nil
}

// foundStory creates the story of an item that joins none, with the item
// as its face. Should the story's key already exist (the item was pruned
// while the rest of its story stayed, and came back), the item rejoins
// that story, so that its public id is stable: founded is then false.
func (w *fetchWriter) foundStory(ctx context.Context, it *model.Item) (id int64, founded bool, err error) {
	sid, err := w.takeID(ctx, &w.nextSID, `SELECT COALESCE(MAX(id), 0) FROM stories`)
	if err != nil {
		return 0, false, err
	}
	key := storyKey(it.SourceID, it.Key)
	r, err := w.tx.ExecContext(ctx, `INSERT INTO stories (id, key, face_item_id, first_seen, published)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`, sid, key, it.ID, toMS(it.FirstSeen), toMS(it.Published))
	if err != nil {
		return 0, false, fmt.Errorf("create story: %w", err)
	}
	if n, err := r.RowsAffected(); err != nil || n == 1 {
		return sid, true, err
	}
	if err := w.tx.QueryRowContext(ctx, `SELECT id FROM stories WHERE key = ?`, key).Scan(&id); err != nil {
		return 0, false, fmt.Errorf("find story %s: %w", key, err)
	}
	return id, false, nil
}

// ensureSource makes sure a sources row exists for id, so that items and
// state of a source not (yet) configured can be stored.
func ensureSource(ctx context.Context, tx *wtx, id string) error {
	if id == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, id); err != nil {
		return fmt.Errorf("ensure source %s: %w", id, err)
	}
	return nil
}

// maxStoredHits bounds the hits stored per topic of an item: the first
// of each term in each field. explain recomputes them all.
const maxStoredHits = 16

// putItemTopics writes the topics of an item, first clearing those it had
// when replace is set.
func putItemTopics(ctx context.Context, tx *wtx, id, published int64, topics []model.TopicMatch, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM item_topics WHERE item_id = ?`, id); err != nil {
			return fmt.Errorf("clear topics: %w", err)
		}
	}
	for _, tm := range topics {
		terms, err := jsonText(tm.Terms)
		if err != nil {
			return err
		}
		hits, err := jsonText(firstHits(tm.Hits))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_topics (item_id, topic, terms, hits, published)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (item_id, topic) DO UPDATE SET terms = excluded.terms, hits = excluded.hits`,
			id, tm.Topic, terms, hits, published); err != nil {
			return fmt.Errorf("put topic %s: %w", tm.Topic, err)
		}
	}
	return nil
}

// firstHits keeps the first hit of each term in each field, at most
// maxStoredHits.
func firstHits(hits []model.Hit) []model.Hit {
	out := make([]model.Hit, 0, min(len(hits), maxStoredHits))
	for _, h := range hits {
		if len(out) == maxStoredHits {
			break
		}
		dup := false
		for _, o := range out {
			if o.Term == h.Term && o.Field == h.Field {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, h)
		}
	}
	return out
}
