package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"aggregator/internal/model"
)

// maxCandidates caps the near-duplicate candidates handed to a StoryMatch:
// the items sharing the most buckets, then the most recently first seen.
// The faces of their stories come on top, at most as many.
const maxCandidates = 200

// perBucketCandidates caps the items one fingerprint bucket contributes to
// the candidates (its most recently first-seen): the bound that keeps the
// lookup's cost flat however full a bucket grows.
const perBucketCandidates = 50

// storyIndex finds a new item's near-duplicate candidates in memory: the
// items first seen within the clustering window, filed under their
// fingerprint buckets, newest first, and the faces of their stories.
//
// It stands for what the store holds, and is brought up to date at the
// start of every write transaction that chooses stories (sync), inside
// that transaction, so it sees what other processes wrote: the store-wide
// change version tells whether anyone else wrote since; if so, the items
// with ids above the highest one known are read (writers take ids in
// commit order: SQLite has one writer at a time, and on PostgreSQL every
// write transaction holds the store's advisory lock from before it takes
// an id until it commits; see dialect.lockWrites), and a prune is seen as
// the oldest stored first_seen moving up. A correction another process
// stores is not seen (the item keeps its old fingerprint here until it
// ages out of the window). Items this process writes are added as they
// are written; a transaction that rolls back drops the whole index, which
// the next sync rebuilds from the store.
//
// The index is used by one write transaction at a time (the writer's).
type storyIndex struct {
	entries []indexEntry    // by slot; a slot is not reused until the index is read afresh
	byItem  map[int64]int32 // item id -> slot of its live entry
	heads   map[int64]int32 // bucket -> its newest posting
	posts   []posting
	faces   faceTable // story -> slot of its face (earliest member)
	sources map[string]string

	loaded  bool
	since   int64 // complete for items first seen at or after since
	checked int64 // since, when stale entries were last counted
	oldest  int64 // no entry was first seen before this
	version int64 // the change version the index reflects
	maxID   int64 // the highest item id seen

	dead   []uint64 // a bit per slot: the entry is dead (as entries[slot].dead)
	shared []int32  // scratch of candidates: buckets shared, by slot
	seenSt map[int64]bool
	cands  []model.Candidate
}

// indexEntry is a stored item as the index knows it.
type indexEntry struct {
	id, story, firstSeen int64
	source               string
	sig                  []byte // nil once prepared
	prepared             any    // Fetch.Prepare(sig), once asked for
	dead                 bool   // replaced by a correction, or pruned
	filed                bool   // filed under its buckets (faces outside the window are not)
}

// posting links an entry into one bucket's list, newest first; it carries
// the entry's first-seen time so that walking a list reads no entry.
type posting struct {
	slot, next int32
	seen       int64
}

func newStoryIndex() *storyIndex {
	x := &storyIndex{}
	x.reset()
	return x
}

// reset forgets everything: the next sync loads the index afresh.
func (x *storyIndex) reset() {
	*x = storyIndex{
		byItem:  map[int64]int32{},
		heads:   map[int64]int32{},
		faces:   faceTable{far: map[int64]int32{}},
		sources: map[string]string{},
		oldest:  math.MaxInt64,
		seenSt:  map[int64]bool{},
	}
}

// newer orders entries by first seen, then id.
func (e *indexEntry) newer(o *indexEntry) bool {
	if e.firstSeen != o.firstSeen {
		return e.firstSeen > o.firstSeen
	}
	return e.id > o.id
}

// entryColumns are what the index reads of an item (addRows's order).
const entryColumns = `i.id, i.story_id, i.source_id, i.first_seen, i.sig, i.buckets`

// rereadEvery is how far the window moves between two looks at whether
// the index holds more dead and old entries than live ones (and is read
// afresh).
const rereadEvery = int64(time.Hour / time.Millisecond)

// sync brings the index up to date inside tx for a lookup of candidates
// first seen at or after since.
func (x *storyIndex) sync(ctx context.Context, tx *wtx, since int64) error {
	var version int64
	if err := tx.QueryRowContext(ctx, `SELECT version FROM change_version WHERE id = 1`).Scan(&version); err != nil {
		return fmt.Errorf("story index: version: %w", err)
	}
	if !x.loaded || since < x.since {
		if err := x.load(ctx, tx, since); err != nil {
			x.reset()
			return err
		}
		x.version = version
		return nil
	}
	if version != x.version {
		// Another process (or a prune or retag of this one) wrote.
		err := x.catchUp(ctx, tx)
		if errors.Is(err, errReread) {
			err = x.load(ctx, tx, since)
		}
		if err != nil {
			x.reset()
			return err
		}
		x.version = version
	}
	if since-x.checked >= rereadEvery {
		x.checked = since
		if x.stale(since) > len(x.entries)/2 {
			// Most of what is held died or left the window: read the
			// window again rather than keep the rest.
			if err := x.load(ctx, tx, since); err != nil {
				x.reset()
				return err
			}
			x.version = version
		}
	}
	return nil
}

// load reads every item first seen at or after since, and their stories'
// faces.
func (x *storyIndex) load(ctx context.Context, tx *wtx, since int64) error {
	x.reset()
	var maxID sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM items`).Scan(&maxID); err != nil {
		return fmt.Errorf("story index: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+entryColumns+` FROM items i
		WHERE i.first_seen >= ? AND i.story_id IS NOT NULL ORDER BY i.first_seen, i.id`, since)
	if err != nil {
		return fmt.Errorf("story index: load: %w", err)
	}
	if err := x.addRows(rows, true, nil); err != nil {
		return fmt.Errorf("story index: load: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT `+entryColumns+` FROM stories st JOIN items i ON i.id = st.face_item_id
		WHERE st.id IN (SELECT DISTINCT story_id FROM items WHERE first_seen >= ?)`, since)
	if err != nil {
		return fmt.Errorf("story index: load faces: %w", err)
	}
	if err := x.addRows(rows, false, &x.faces); err != nil {
		return fmt.Errorf("story index: load faces: %w", err)
	}
	x.loaded, x.since, x.checked = true, since, since
	x.maxID = max(x.maxID, maxID.Int64)
	return nil
}

// catchUp reads what other writers stored since the index was last in
// step: a prune (the oldest first_seen moved past entries held here) and
// new items, with the faces of their stories.
func (x *storyIndex) catchUp(ctx context.Context, tx *wtx) error {
	var minSeen, maxID sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MIN(first_seen), MAX(id) FROM items`).Scan(&minSeen, &maxID); err != nil {
		return fmt.Errorf("story index: oldest item: %w", err)
	}
	if maxID.Int64 < x.maxID {
		// The newest items were removed (everything pruned): their ids
		// may be taken again, and "above the highest known" would miss
		// the items that take them.
		return errReread
	}
	if minSeen.Valid && minSeen.Int64 > x.oldest {
		x.pruned(minSeen.Int64)
	}
	before := len(x.entries)
	rows, err := tx.QueryContext(ctx, `SELECT `+entryColumns+` FROM items i
		WHERE i.id > ? AND i.first_seen >= ? AND i.story_id IS NOT NULL ORDER BY i.first_seen, i.id`, x.maxID, x.since)
	if err != nil {
		return fmt.Errorf("story index: new items: %w", err)
	}
	if err := x.addRows(rows, true, nil); err != nil {
		return fmt.Errorf("story index: new items: %w", err)
	}
	var stories []int64
	for _, e := range x.entries[before:] {
		if _, ok := x.faces.get(e.story); !ok && !slices.Contains(stories, e.story) {
			stories = append(stories, e.story)
		}
	}
	return x.loadFaces(ctx, tx, stories)
}

// errReread tells sync that the index must be read afresh.
var errReread = errors.New("story index: read afresh")

// addRows adds rows of entryColumns, filed under their buckets or not;
// with faces set, each row is also recorded there as its story's face.
// It closes rows.
func (x *storyIndex) addRows(rows *sql.Rows, filed bool, faces *faceTable) error {
	defer rows.Close()
	for rows.Next() {
		var (
			e       indexEntry
			buckets []byte
		)
		if err := rows.Scan(&e.id, &e.story, &e.source, &e.firstSeen, &e.sig, &buckets); err != nil {
			return err
		}
		slot, ok := x.byItem[e.id]
		if !ok {
			slot = x.add(e, decodeBuckets(buckets), filed)
		}
		if faces != nil {
			faces.set(e.story, slot)
		}
	}
	return rows.Err()
}

// loadFaces reads the faces of stories into the index. A story without
// one (deleted meanwhile) is given a dead face, so that it is not asked
// for again: its candidates are judged without a face.
func (x *storyIndex) loadFaces(ctx context.Context, tx *wtx, stories []int64) error {
	for start := 0; start < len(stories); start += hashesPerQuery {
		chunk := stories[start:min(start+hashesPerQuery, len(stories))]
		rows, err := tx.QueryContext(ctx, `SELECT `+entryColumns+` FROM stories st JOIN items i ON i.id = st.face_item_id
			WHERE st.id IN (`+placeholders(len(chunk))+`)`, anyArgs(chunk)...)
		if err != nil {
			return fmt.Errorf("story faces: %w", err)
		}
		if err := x.addRows(rows, false, &x.faces); err != nil {
			return fmt.Errorf("story faces: %w", err)
		}
	}
	for _, st := range stories {
		if _, ok := x.faces.get(st); !ok {
			x.entries = append(x.entries, indexEntry{story: st})
			slot := int32(len(x.entries) - 1)
			x.markDead(slot)
			x.faces.set(st, slot)
		}
	}
	return nil
}

// add files e, replacing the entry of the same item, and returns its
// slot. A filed entry earlier than its story's known face becomes the
// face (a copy another writer stored with an earlier clock).
func (x *storyIndex) add(e indexEntry, buckets []int64, filed bool) int32 {
	if s, ok := x.sources[e.source]; ok {
		e.source = s
	} else {
		x.sources[e.source] = e.source
	}
	if old, ok := x.byItem[e.id]; ok {
		x.kill(old)
	}
	e.filed = filed && len(buckets) > 0
	slot := int32(len(x.entries))
	x.entries = append(x.entries, e)
	x.byItem[e.id] = slot
	x.maxID = max(x.maxID, e.id)
	x.oldest = min(x.oldest, e.firstSeen)
	ent := &x.entries[slot]
	if f, ok := x.faces.get(e.story); ok && filed && !x.entries[f].dead && x.entries[f].newer(ent) {
		x.faces.set(e.story, slot)
	}
	if !ent.filed {
		return slot
	}
	for _, b := range slices.Compact(slices.Sorted(slices.Values(buckets))) {
		x.file(b, slot)
	}
	return slot
}

// holds reports whether the index has a live entry of the item.
func (x *storyIndex) holds(id int64) bool {
	_, ok := x.byItem[id]
	return ok
}

// setFace records slot as its story's face (a story founded here).
func (x *storyIndex) setFace(slot int32) { x.faces.set(x.entries[slot].story, slot) }

// file links slot into bucket b's list at its place, newest first.
func (x *storyIndex) file(b int64, slot int32) {
	p := int32(len(x.posts))
	x.posts = append(x.posts, posting{slot: slot, next: -1, seen: x.entries[slot].firstSeen})
	h, ok := x.heads[b]
	e := &x.entries[slot]
	if !ok || e.newer(&x.entries[x.posts[h].slot]) {
		if ok {
			x.posts[p].next = h
		}
		x.heads[b] = p
		return
	}
	prev := h
	for {
		next := x.posts[prev].next
		if next < 0 || e.newer(&x.entries[x.posts[next].slot]) {
			x.posts[p].next = next
			x.posts[prev].next = p
			return
		}
		prev = next
	}
}

// kill marks an entry dead; its postings are skipped until the index is
// read afresh.
func (x *storyIndex) kill(slot int32) {
	e := &x.entries[slot]
	if e.dead {
		return
	}
	x.markDead(slot)
	if x.byItem[e.id] == slot {
		delete(x.byItem, e.id)
	}
	if f, ok := x.faces.get(e.story); ok && f == slot {
		x.faces.del(e.story) // read again when needed
	}
}

// pruned drops every entry first seen before cutoff: a prune removed
// those items, and the stories that lost their face have a new one.
func (x *storyIndex) pruned(cutoff int64) {
	for slot := range x.entries {
		if x.entries[slot].firstSeen < cutoff {
			x.kill(int32(slot))
		}
	}
	x.oldest = cutoff
}

// stale counts the entries that are dead or left the window.
func (x *storyIndex) stale(since int64) int {
	n := 0
	for i := range x.entries {
		if e := &x.entries[i]; e.dead || (e.filed && e.firstSeen < since) {
			n++
		}
	}
	return n
}

// candidates returns the candidates of a new item (by its buckets) first
// seen at or after since: for each of its buckets the perBucketCandidates
// most recent items, those sharing the most buckets first, then
// the most recent, at most maxCandidates; then the faces of their stories
// that are not among them, earliest first. Stories whose face the index
// does not know are returned in missing, for the caller to read
// (loadFaces) before asking again.
func (x *storyIndex) candidates(buckets []int64, since int64, prepare func([]byte) any) (cands []model.Candidate, missing []int64) {
	if len(x.shared) < len(x.entries) {
		x.shared = make([]int32, len(x.entries)+len(x.entries)/4)
	}
	shared := x.shared
	var order []int32
	for _, b := range slices.Compact(slices.Sorted(slices.Values(buckets))) {
		h, ok := x.heads[b]
		if !ok {
			continue
		}
		n := 0
		for p := h; p >= 0 && n < perBucketCandidates; p = x.posts[p].next {
			post := &x.posts[p]
			if post.seen < since {
				break // the rest are older
			}
			slot := post.slot
			if x.isDead(slot) {
				continue
			}
			n++
			if shared[slot] == 0 {
				order = append(order, slot)
			}
			shared[slot]++
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := cmp.Compare(shared[b], shared[a]); c != 0 {
			return c
		}
		if x.entries[a].newer(&x.entries[b]) {
			return -1
		}
		return 1
	})
	if len(order) > maxCandidates {
		for _, slot := range order[maxCandidates:] {
			shared[slot] = 0 // clean for the next item
		}
		order = order[:maxCandidates]
	}
	var faces []int32
	cands = x.cands[:0] // the match reads them before the next call
	defer func() { x.cands = cands[:0] }()
	for _, slot := range order {
		cands = append(cands, x.entries[slot].candidate(prepare))
		shared[slot] = -1 // among the candidates, until the end of this call
	}
	clear(x.seenSt)
	for _, slot := range order {
		st := x.entries[slot].story
		if x.seenSt[st] {
			continue
		}
		x.seenSt[st] = true
		f, ok := x.faces.get(st)
		switch {
		case !ok:
			missing = append(missing, st)
		case !x.isDead(f) && shared[f] != -1:
			faces = append(faces, f)
		}
	}
	for _, slot := range order {
		shared[slot] = 0
	}
	if len(missing) > 0 {
		return nil, missing
	}
	slices.SortFunc(faces, func(a, b int32) int {
		if x.entries[b].newer(&x.entries[a]) {
			return -1
		}
		return 1
	})
	for _, f := range faces {
		cands = append(cands, x.entries[f].candidate(prepare))
	}
	return cands, nil
}

// candidate is e as a StoryMatch sees it, its Sig prepared once.
// markDead marks the entry in slot dead.
func (x *storyIndex) markDead(slot int32) {
	x.entries[slot].dead = true
	for int(slot)/64 >= len(x.dead) {
		x.dead = append(x.dead, 0)
	}
	x.dead[slot/64] |= 1 << (slot % 64)
}

// isDead reports whether the entry in slot is dead.
func (x *storyIndex) isDead(slot int32) bool {
	i := int(slot) / 64
	return i < len(x.dead) && x.dead[i]&(1<<(slot%64)) != 0
}

// faceTable maps stories to the slots of their faces: in a slice by
// story id above a base (stories are numbered as they are founded, so
// those in the window are a dense run of ids), in a map below it or far
// above it.
type faceTable struct {
	base  int64
	slots []int32 // slot+1 of story base+i; 0 for none
	far   map[int64]int32
}

// maxFaceSlots bounds the slice of a faceTable.
const maxFaceSlots = 1 << 22

func (t *faceTable) get(story int64) (int32, bool) {
	if i := story - t.base; t.slots != nil && i >= 0 && i < int64(len(t.slots)) {
		v := t.slots[i]
		return v - 1, v != 0
	}
	slot, ok := t.far[story]
	return slot, ok
}

func (t *faceTable) set(story int64, slot int32) {
	if t.slots == nil {
		t.base, t.slots = story, make([]int32, 0, 1024)
	}
	i := story - t.base
	if i >= 0 && i < maxFaceSlots {
		if i >= int64(len(t.slots)) {
			t.slots = append(t.slots, make([]int32, int(i)+1-len(t.slots))...)
		}
		t.slots[i] = slot + 1
		return
	}
	t.far[story] = slot
}

func (t *faceTable) del(story int64) {
	if i := story - t.base; t.slots != nil && i >= 0 && i < int64(len(t.slots)) {
		t.slots[i] = 0
		return
	}
	delete(t.far, story)
}

func (e *indexEntry) candidate(prepare func([]byte) any) model.Candidate {
	if e.prepared == nil && prepare != nil {
		if e.prepared = prepare(e.sig); e.prepared != nil {
			e.sig = nil // the prepared form stands for it
		}
	}
	return model.Candidate{ItemID: e.id, StoryID: e.story, SourceID: e.source, FirstSeen: fromMS(e.firstSeen),
		Sig: e.sig, Prepared: e.prepared}
}

// encodeBuckets packs buckets as 8-byte big-endian keys (the form
// migration 0004 writes with printf('%016X')).
func encodeBuckets(buckets []int64) []byte {
	if len(buckets) == 0 {
		return nil
	}
	b := make([]byte, 0, 8*len(buckets))
	for _, v := range buckets {
		b = binary.BigEndian.AppendUint64(b, uint64(v))
	}
	return b
}

func decodeBuckets(b []byte) []int64 {
	out := make([]int64, len(b)/8)
	for i := range out {
		out[i] = int64(binary.BigEndian.Uint64(b[8*i:]))
	}
	return out
}
