// Package websub makes the published feeds real-time (W3C WebSub
// Recommendation, 2018): a built-in hub at /websub that verifies the
// intent of subscribers, keeps their leases in the store and POSTs each
// new version of a feed to them, signed with their secret; or, when an
// external hub is configured, a pinger that tells that hub a feed changed.
package websub

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"time"

	"aggregator/internal/store"
)

// Defaults of the Options.
const (
	DefaultLease      = 10 * 24 * time.Hour
	DefaultMinLease   = time.Hour
	DefaultMaxLease   = 30 * 24 * time.Hour
	DefaultAttempts   = 6
	DefaultRetryDelay = 30 * time.Second
	DefaultTimeout    = 10 * time.Second
	DefaultWorkers    = 16
	DefaultQueue      = 1024

	DefaultMaxSubscriptions = 1000 // in all
	DefaultMaxPerTopic      = 200  // subscribers of one feed
	DefaultMaxPerHost       = 20   // subscriptions whose callback is on one host
	DefaultClientRate       = 10   // valid requests a minute per client address, in bursts of as many
	DefaultMaxFailures      = 10   // deliveries failed in a row before a callback is unsubscribed
	maxSecretBytes          = 200  // hub.secret must be shorter (WebSub 5.1)
	maxChallengeAnswer      = 1 << 10
)

// Notifier is told when a published feed changed: the built-in Hub
// delivers the body to the feed's subscribers; a Pinger tells an external
// hub to fetch it. Both return at once and do the work in Run; Stats
// tells what they did, for metrics.
type Notifier interface {
	// PublishVersion announces a feed's new body, rendered at the store's
	// change version (see store.ChangeVersion).
	PublishVersion(topic, contentType string, body []byte, version int64)
	Run(ctx context.Context)
	Stats() Stats
}

// Store is what the hub needs of storage: store.Store satisfies it.
type Store interface {
	SaveSubscription(ctx context.Context, sub store.Subscription) error
	CountSubscriptions(ctx context.Context, topic, callback string, now time.Time) (store.SubscriptionCounts, error)
	DeleteSubscription(ctx context.Context, topic, callback string) error
	Subscriptions(ctx context.Context, topic string, now time.Time) ([]store.Subscription, error)
	PruneSubscriptions(ctx context.Context, now time.Time) (int, error)
	ClaimDelivery(ctx context.Context, d store.DeliveryClaim) (bool, error)
	FinishDelivery(ctx context.Context, d store.DeliveryClaim) error
}

// Options configure a Hub or a Pinger. Zero values take the defaults.
type Options struct {
	// HubURL is the hub's own public URL, sent in Link headers.
	HubURL string
	// IsTopic reports whether a URL is one of the published feeds; only
	// those may be subscribed to. Required by the Hub.
	IsTopic func(topic string) bool
	// AllowPrivate lets callbacks reach loopback, private and link-local
	// addresses (fetch.allow_private; tests on loopback).
	AllowPrivate bool
	// UserAgent is sent with every request the hub makes.
	UserAgent string
	// Instance names this process in the store's delivery claims: of the
	// instances sharing a store, the one that claims a version of a feed
	// for a subscriber delivers it. Default: a random name.
	Instance string

	DefaultLease time.Duration // when hub.lease_seconds is absent
	MinLease     time.Duration // requested leases are raised to this
	MaxLease     time.Duration // and lowered to this

	Attempts   int           // tries per delivery, verification or ping
	RetryDelay time.Duration // before the second try; doubled for each next one
	Timeout    time.Duration // per request to a subscriber or hub
	Workers    int           // requests under way at once
	// Queue bounds the pings waiting for a worker (Pinger); beyond, new
	// ones are refused and counted dropped. The hub's work waits in one
	// lane per callback host instead, never refused: Publish calls of a
	// topic coalesce, so a lane holds about one task per subscription.
	Queue int

	// Limits of the hub (see limits.go).
	MaxSubscriptions int // unexpired subscriptions in all
	MaxPerTopic      int // per topic
	MaxPerHost       int // per callback host
	ClientRate       int // valid requests a minute per client address
	MaxFailures      int // failed deliveries in a row that unsubscribe a callback

	// Client overrides the HTTP client (its transport's guard included).
	Client *http.Client
	Logger *slog.Logger
	Now    func() time.Time
}

func (o Options) withDefaults() Options {
	orDefault(&o.DefaultLease, DefaultLease)
	orDefault(&o.MinLease, DefaultMinLease)
	orDefault(&o.MaxLease, DefaultMaxLease)
	orDefault(&o.RetryDelay, DefaultRetryDelay)
	orDefault(&o.Timeout, DefaultTimeout)
	orDefault(&o.Attempts, DefaultAttempts)
	orDefault(&o.Workers, DefaultWorkers)
	orDefault(&o.Queue, DefaultQueue)
	orDefault(&o.MaxSubscriptions, DefaultMaxSubscriptions)
	orDefault(&o.MaxPerTopic, DefaultMaxPerTopic)
	orDefault(&o.MaxPerHost, DefaultMaxPerHost)
	orDefault(&o.ClientRate, DefaultClientRate)
	orDefault(&o.MaxFailures, DefaultMaxFailures)
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Instance == "" {
		var b [6]byte
		_, _ = rand.Read(b[:])
		o.Instance = "hub-" + hex.EncodeToString(b[:])
	}
	if o.UserAgent == "" {
		o.UserAgent = "aggregator-websub"
	}
	if o.Client == nil {
		o.Client = newClient(o.Timeout, o.AllowPrivate)
	}
	return o
}

// orDefault sets *p to v when it is not positive.
func orDefault[T int | time.Duration](p *T, v T) {
	if *p <= 0 {
		*p = v
	}
}

// linkHeader is the Link header naming the hub and the topic (WebSub 7).
func linkHeader(hub, topic string) string {
	return "<" + hub + `>; rel="hub", <` + topic + `>; rel="self"`
}
