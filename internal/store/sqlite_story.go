package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"aggregator/internal/model"
)

// storyKey is the public id of a story founded by an item: derived once,
// at creation, from the founding item's identity, and never changed.
func storyKey(sourceID, itemKey string) string {
	sum := sha256.Sum256([]byte(sourceID + "\n" + itemKey))
	return hex.EncodeToString(sum[:8])
}

// chooseStory finds the story a new item joins: one holding an item with
// the same canonical URL, else the near-duplicate the match picks among
// recent candidates, else a new story. joined reports an existing story.
func chooseStory(ctx context.Context, tx *wtx, f Fetch, it *model.Item) (id int64, joined bool, err error) {
	if it.URL != "" {
		err := tx.QueryRowContext(ctx, `SELECT story_id FROM items
			WHERE url = ? AND url <> '' AND id <> ? AND story_id IS NOT NULL
			ORDER BY first_seen, id LIMIT 1`, it.URL, it.ID).Scan(&id)
		switch {
		case err == nil:
			return id, true, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, fmt.Errorf("find story by url: %w", err)
		}
	}
	if f.Match != nil && f.Window > 0 && len(it.Fingerprint.Buckets) > 0 {
		cands, err := candidates(ctx, tx, it, toMS(f.Now.Add(-f.Window)))
		if err != nil {
			return 0, false, err
		}
		if len(cands) > 0 {
			if id := f.Match(it, cands); id != 0 && storyExists(ctx, tx, id) {
				return id, true, nil
			}
		}
	}
	return createStory(ctx, tx, it)
}

// candidates loads the items sharing a fingerprint bucket with it, first
// seen at or after since: those sharing the most buckets first, then the
// most recent, at most maxCandidates. Each bucket contributes only its
// perBucketCandidates most recent items, read straight off the (bucket,
// first_seen) index, so a bucket every item of a common subject falls into
// (two names every market report carries) costs the same however full it
// is: the lookup's cost is bounded by the number of buckets, not by the
// size of the store or of the window.
func candidates(ctx context.Context, tx *wtx, it *model.Item, since int64) ([]model.Candidate, error) {
	buckets := slices.Compact(slices.Sorted(slices.Values(it.Fingerprint.Buckets)))
	parts := make([]string, len(buckets))
	args := make([]any, 0, 4*len(buckets)+1)
	for i, b := range buckets {
		parts[i] = `SELECT * FROM (SELECT item_id, first_seen FROM item_buckets
			WHERE bucket = ? AND first_seen >= ? AND item_id <> ? ORDER BY first_seen DESC LIMIT ?)`
		args = append(args, b, since, it.ID, perBucketCandidates)
	}
	args = append(args, maxCandidates)
	rows, err := tx.QueryContext(ctx, `SELECT i.id, i.story_id, i.source_id, i.url, i.title, i.first_seen, i.sig
		FROM (SELECT item_id, COUNT(*) AS shared, MAX(first_seen) AS seen
			FROM (`+strings.Join(parts, " UNION ALL ")+`)
			GROUP BY item_id ORDER BY shared DESC, seen DESC, item_id DESC LIMIT ?) AS b
		JOIN items i ON i.id = b.item_id
		WHERE i.story_id IS NOT NULL
		ORDER BY b.shared DESC, b.seen DESC, i.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("load candidates: %w", err)
	}
	out, err := scanCandidates(rows)
	if err != nil {
		return nil, fmt.Errorf("load candidates: %w", err)
	}
	return withFaces(ctx, tx, out)
}

// withFaces adds to cands the face (earliest member) of every story among
// them that is not already there, after the others. A story is judged by
// its face: when the face shares no bucket with the new item, the story's
// earliest candidate would stand in for it, and stories would chain
// through their later members. Faces count even when first seen before
// the window, since they define their story. There is at most one per
// story, so the candidates stay at most twice maxCandidates. The face is
// read off the members rather than stories.face_item_id, which is set only
// when the fetch ends (stories founded earlier in the same fetch have none).
func withFaces(ctx context.Context, tx *wtx, cands []model.Candidate) ([]model.Candidate, error) {
	have, seen := make(map[int64]bool, len(cands)), map[int64]bool{}
	var stories []int64
	for _, c := range cands {
		have[c.ItemID] = true
		if !seen[c.StoryID] {
			seen[c.StoryID] = true
			stories = append(stories, c.StoryID)
		}
	}
	if len(stories) == 0 {
		return cands, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT i.id, i.story_id, i.source_id, i.url, i.title, i.first_seen, i.sig
		FROM items i WHERE i.id IN (SELECT (SELECT f.id FROM items f WHERE f.story_id = st.id
			ORDER BY f.first_seen, f.id LIMIT 1) FROM stories st WHERE st.id IN (`+placeholders(len(stories))+`))
		ORDER BY i.first_seen, i.id`, anyArgs(stories)...)
	if err != nil {
		return nil, fmt.Errorf("load story faces: %w", err)
	}
	faces, err := scanCandidates(rows)
	if err != nil {
		return nil, fmt.Errorf("load story faces: %w", err)
	}
	for _, f := range faces {
		if !have[f.ItemID] {
			cands = append(cands, f)
		}
	}
	return cands, nil
}

// scanCandidates reads and closes rows of (id, story_id, source_id, url,
// title, first_seen, sig).
func scanCandidates(rows *sql.Rows) ([]model.Candidate, error) {
	defer rows.Close()
	var out []model.Candidate
	for rows.Next() {
		var c model.Candidate
		var seen int64
		if err := rows.Scan(&c.ItemID, &c.StoryID, &c.SourceID, &c.URL, &c.Title, &seen, &c.Sig); err != nil {
			return nil, err
		}
		c.FirstSeen = fromMS(seen)
		out = append(out, c)
	}
	return out, rows.Err()
}

func storyExists(ctx context.Context, tx *wtx, id int64) bool {
	var one int
	return tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, id).Scan(&one) == nil
}

// createStory founds a story for it. Should the key already exist (the
// item was pruned while the rest of its story stayed, and came back), the
// item rejoins that story, so that its public id is stable.
func createStory(ctx context.Context, tx *wtx, it *model.Item) (id int64, joined bool, err error) {
	key := storyKey(it.SourceID, it.Key)
	err = tx.QueryRowContext(ctx, `INSERT INTO stories (key, first_seen, published) VALUES (?, ?, ?)
		ON CONFLICT (key) DO NOTHING RETURNING id`, key, toMS(it.FirstSeen), toMS(it.Published)).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("create story: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT id FROM stories WHERE key = ?`, key).Scan(&id); err != nil {
		return 0, false, fmt.Errorf("find story %s: %w", key, err)
	}
	return id, true, nil
}

// refreshStory recomputes a story after its membership or its members'
// topics changed: the face (earliest first seen member, ties by id), the
// face's published time and the union of topics; a story without members
// is deleted. The story's topics before and after are added to changed.
func refreshStory(ctx context.Context, tx *wtx, id int64, changed map[string]bool) error {
	if err := addStoryTopics(ctx, tx, id, changed); err != nil {
		return err
	}
	var face, published int64
	err := tx.QueryRowContext(ctx, `SELECT id, published FROM items WHERE story_id = ?
		ORDER BY first_seen, id LIMIT 1`, id).Scan(&face, &published)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
			return fmt.Errorf("delete empty story %d: %w", id, err)
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("find face of story %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET face_item_id = ?, published = ? WHERE id = ?`,
		face, published, id); err != nil {
		return fmt.Errorf("update story %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_topics WHERE story_id = ?`, id); err != nil {
		return fmt.Errorf("clear topics of story %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_topics (story_id, topic, published)
		SELECT DISTINCT ?, t.topic, ? FROM items i JOIN item_topics t ON t.item_id = i.id
		WHERE i.story_id = ?`, id, published, id); err != nil {
		return fmt.Errorf("put topics of story %d: %w", id, err)
	}
	return addStoryTopics(ctx, tx, id, changed)
}

func addStoryTopics(ctx context.Context, tx *wtx, id int64, changed map[string]bool) error {
	if changed == nil {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT topic FROM story_topics WHERE story_id = ?`, id)
	if err != nil {
		return fmt.Errorf("topics of story %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return fmt.Errorf("topics of story %d: %w", id, err)
		}
		changed[t] = true
	}
	return rows.Err()
}
