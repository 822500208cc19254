package websub

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"

	"aggregator/internal/store"
)

// verify asks the subscriber to confirm a request (WebSub 5.3): a GET to
// the callback with the mode, topic, a random challenge and the lease,
// which must be answered 2xx with the challenge as the body. A confirmed
// subscription is stored, a confirmed unsubscription forgotten. A refusal
// is final; an unreachable subscriber is asked again later.
func (h *Hub) verify(ctx context.Context, req request) error {
	challenge := newChallenge()
	params := url.Values{
		"hub.mode":      {req.mode},
		"hub.topic":     {req.topic},
		"hub.challenge": {challenge},
	}
	if req.mode == "subscribe" {
		params.Set("hub.lease_seconds", strconv.FormatInt(int64(req.lease.Seconds()), 10))
	}
	target := appendQuery(req.callback, params)
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return permanent(fmt.Errorf("verify %s: %w", req.callback, err))
	}
	hreq.Header.Set("User-Agent", h.opts.UserAgent)
	resp, err := h.opts.Client.Do(hreq)
	if err != nil {
		return fmt.Errorf("verify %s: %w", req.callback, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxChallengeAnswer))
	if err != nil {
		return fmt.Errorf("verify %s: reading the answer: %w", req.callback, err)
	}
	switch {
	case resp.StatusCode >= 500:
		return fmt.Errorf("verify %s: status %d", req.callback, resp.StatusCode)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return final(fmt.Errorf("verify %s: subscriber refused with status %d", req.callback, resp.StatusCode), ResultRefused)
	case string(body) != challenge:
		return final(fmt.Errorf("verify %s: the answer does not echo the challenge", req.callback), ResultRefused)
	}

	if req.mode == "unsubscribe" {
		if err := h.st.DeleteSubscription(ctx, req.topic, req.callback); err != nil {
			return err
		}
		h.forget(req.topic, req.callback)
	} else {
		now := h.opts.Now()
		sub := store.Subscription{Topic: req.topic, Callback: req.callback, Secret: req.secret,
			Lease: req.lease, Created: now, Expires: now.Add(req.lease)}
		if err := h.st.SaveSubscription(ctx, sub); err != nil {
			return err
		}
	}
	h.opts.Logger.LogAttrs(ctx, slog.LevelInfo, "websub: verified", slog.String("mode", req.mode),
		slog.String("topic", req.topic), slog.String("callback", req.callback))
	return nil
}

// appendQuery adds params after the callback's own query, which must be
// kept as it is (WebSub 5.3).
func appendQuery(callback string, params url.Values) string {
	u, err := url.Parse(callback)
	if err != nil {
		return callback
	}
	if u.RawQuery != "" {
		u.RawQuery += "&" + params.Encode()
	} else {
		u.RawQuery = params.Encode()
	}
	return u.String()
}

// newChallenge is a random, URL-safe challenge.
func newChallenge() string {
	var b [24]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
