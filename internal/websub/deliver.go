package websub

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"

	"aggregator/internal/store"
)

// SignatureHeader carries the HMAC of a delivered body (WebSub 7.1).
const SignatureHeader = "X-Hub-Signature"

// deliver POSTs a body to one subscriber (WebSub 7) with the feed's
// content type, Link headers and, when it gave a secret, the signature. A
// 2xx is success; 410 Gone ends the subscription; anything else is tried
// again. A subscription that expired meanwhile is not delivered to.
func (h *Hub) deliver(ctx context.Context, sub store.Subscription, c *content) error {
	if !h.opts.Now().Before(sub.Expires) {
		return errNoWork
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, sub.Callback, bytes.NewReader(c.body))
	if err != nil {
		return permanent(fmt.Errorf("deliver to %s: %w", sub.Callback, err))
	}
	req.Header.Set("Content-Type", c.contentType)
	req.Header.Set("Link", linkHeader(h.opts.HubURL, sub.Topic))
	req.Header.Set("User-Agent", h.opts.UserAgent)
	if sub.Secret != "" {
		req.Header.Set(SignatureHeader, Sign(sub.Secret, c.body))
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
		return final(fmt.Errorf("deliver to %s: gone: subscription removed", sub.Callback), ResultGone)
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
