package store

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// SaveSubscription records a verified WebSub subscription, replacing the
// one with the same topic and callback (a renewal).
func (s *DB) SaveSubscription(ctx context.Context, sub Subscription) error {
	if sub.Topic == "" || sub.Callback == "" {
		return fmt.Errorf("save subscription: empty topic or callback")
	}
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO websub_subscriptions (topic, callback, secret, lease, created, expires, callback_host)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (topic, callback) DO UPDATE SET secret = excluded.secret, lease = excluded.lease,
				created = excluded.created, expires = excluded.expires`,
			sub.Topic, sub.Callback, sub.Secret, int64(sub.Lease/time.Second), toMS(sub.Created), toMS(sub.Expires),
			CallbackHost(sub.Callback))
		return err
	})
	if err != nil {
		return fmt.Errorf("save subscription of %s to %s: %w", sub.Callback, sub.Topic, err)
	}
	return nil
}

// CallbackHost is the host subscriptions are counted by: the callback
// URL's host name in lower case, without port ("" when it does not parse).
func CallbackHost(callback string) string {
	u, err := url.Parse(callback)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// CountSubscriptions counts the subscriptions not expired at now: all of
// them, those to topic, and those whose callback has the host of callback
// (CallbackHost); and says whether (topic, callback) is one of them.
func (s *DB) CountSubscriptions(ctx context.Context, topic, callback string, now time.Time) (SubscriptionCounts, error) {
	var c SubscriptionCounts
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*),
			COUNT(*) FILTER (WHERE topic = ?),
			COUNT(*) FILTER (WHERE callback_host = ?),
			COUNT(*) FILTER (WHERE topic = ? AND callback = ?)
		FROM websub_subscriptions WHERE expires > ?`,
		topic, CallbackHost(callback), topic, callback, toMS(now)).Scan(&c.Total, &c.Topic, &c.Host, &c.Exists)
	if err != nil {
		return c, fmt.Errorf("count subscriptions: %w", err)
	}
	return c, nil
}

// DeleteSubscription forgets a subscription, with its delivery claim;
// forgetting one that does not exist is not an error.
func (s *DB) DeleteSubscription(ctx context.Context, topic, callback string) error {
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM websub_subscriptions WHERE topic = ? AND callback = ?`, topic, callback); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM websub_deliveries WHERE topic = ? AND callback = ?`, topic, callback)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete subscription of %s to %s: %w", callback, topic, err)
	}
	return nil
}

// Subscriptions lists the subscriptions to a topic whose lease has not
// expired at now, oldest first.
func (s *DB) Subscriptions(ctx context.Context, topic string, now time.Time) ([]Subscription, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT topic, callback, secret, lease, created, expires
		FROM websub_subscriptions WHERE topic = ? AND expires > ? ORDER BY created, callback`, topic, toMS(now))
	if err != nil {
		return nil, fmt.Errorf("subscriptions to %s: %w", topic, err)
	}
	defer rows.Close()
	var subs []Subscription
	for rows.Next() {
		var (
			sub                    Subscription
			lease, created, expire int64
		)
		if err := rows.Scan(&sub.Topic, &sub.Callback, &sub.Secret, &lease, &created, &expire); err != nil {
			return nil, fmt.Errorf("subscriptions to %s: %w", topic, err)
		}
		sub.Lease = time.Duration(lease) * time.Second
		sub.Created, sub.Expires = fromMS(created), fromMS(expire)
		subs = append(subs, sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("subscriptions to %s: %w", topic, err)
	}
	return subs, nil
}

// PruneSubscriptions removes the subscriptions whose lease expired at or
// before now and says how many.
func (s *DB) PruneSubscriptions(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := s.inWriteTx(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM websub_subscriptions WHERE expires <= ?`, toMS(now))
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM websub_deliveries WHERE NOT EXISTS (SELECT 1 FROM websub_subscriptions s
			WHERE s.topic = websub_deliveries.topic AND s.callback = websub_deliveries.callback)`)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("prune subscriptions: %w", err)
	}
	return int(n), nil
}
