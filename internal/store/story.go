package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
)

// storyKey is the public id of a story founded by an item: derived once,
// at creation, from the founding item's identity, and never changed.
func storyKey(sourceID, itemKey string) string {
	sum := sha256.Sum256([]byte(sourceID + "\n" + itemKey))
	return hex.EncodeToString(sum[:8])
}

func storyExists(ctx context.Context, tx *wtx, id int64) bool {
	var one int
	return tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, id).Scan(&one) == nil
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
		SELECT DISTINCT CAST(? AS BIGINT), t.topic, CAST(? AS BIGINT) FROM items i CROSS JOIN item_topics t
		WHERE t.item_id = i.id AND i.story_id = ?`, id, published, id); err != nil {
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
