package websub

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"aggregator/internal/store"
)

// SignatureHeader carries the HMAC of a delivered body (WebSub 7.1).
const SignatureHeader = "X-Hub-Signature"

// Publish announces a topic's new content: it is POSTed to every current
// subscriber of the topic by Run's workers. It does not wait.
func (h *Hub) Publish(topic, contentType string, body []byte) {
	err := h.q.add(&task{what: "distribute " + topic, run: func(ctx context.Context) error {
		return h.distribute(ctx, topic, contentType, body)
	}})
	if err != nil {
		h.opts.Logger.Warn("websub: not distributing", slog.String("topic", topic), slog.Any("error", err))
	}
}

// distribute queues one delivery per subscriber of the topic.
func (h *Hub) distribute(ctx context.Context, topic, contentType string, body []byte) error {
	subs, err := h.st.Subscriptions(ctx, topic, h.opts.Now())
	if err != nil {
		return fmt.Errorf("distribute %s: %w", topic, err)
	}
	for _, sub := range subs {
		err := h.q.add(&task{what: "deliver " + topic + " to " + sub.Callback, run: func(ctx context.Context) error {
			return h.deliver(ctx, sub, contentType, body)
		}})
		if err != nil {
			h.opts.Logger.Warn("websub: not delivering", slog.String("topic", topic),
				slog.String("callback", sub.Callback), slog.Any("error", err))
		}
	}
	return nil
}

// deliver POSTs the body to one subscriber (WebSub 7) with the feed's
// content type, Link headers and, when it gave a secret, the signature. A
// 2xx is success; 410 Gone ends the subscription; anything else is tried
// again. A subscription that expired meanwhile is not delivered to.
func (h *Hub) deliver(ctx context.Context, sub store.Subscription, contentType string, body []byte) error {
	if !h.opts.Now().Before(sub.Expires) {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.Callback, bytes.NewReader(body))
	if err != nil {
		return permanent(fmt.Errorf("deliver to %s: %w", sub.Callback, err))
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Link", linkHeader(h.opts.HubURL, sub.Topic))
	req.Header.Set("User-Agent", h.opts.UserAgent)
	if sub.Secret != "" {
		req.Header.Set(SignatureHeader, Sign(sub.Secret, body))
	}
	resp, err := h.opts.Client.Do(req)
	if err != nil {
		return fmt.Errorf("deliver to %s: %w", sub.Callback, err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // reuse the connection
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return nil
	case resp.StatusCode == http.StatusGone:
		if err := h.st.DeleteSubscription(ctx, sub.Topic, sub.Callback); err != nil {
			return err
		}
		return permanent(fmt.Errorf("deliver to %s: gone: subscription removed", sub.Callback))
	}
	return fmt.Errorf("deliver to %s: status %d", sub.Callback, resp.StatusCode)
}

// Sign is the X-Hub-Signature value of a body for a secret:
// "sha256=" and the hex HMAC-SHA256.
func Sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}
