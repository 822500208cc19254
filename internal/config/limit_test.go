package config

import (
	"testing"

	"aggregator/internal/store"
)

// The cap check reports must be the store's real cap.
func TestMaxFeedLimitIsTheStoresPage(t *testing.T) {
	if MaxFeedLimit != store.MaxLimit {
		t.Errorf("MaxFeedLimit = %d, store.MaxLimit = %d", MaxFeedLimit, store.MaxLimit)
	}
}
