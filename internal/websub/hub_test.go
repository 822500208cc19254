package websub

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"aggregator/internal/netns"
	"aggregator/internal/store"
)

const (
	hubURL = "https://news.example.org/websub"
	topic  = "https://news.example.org/feeds/cpec.rss"
)

// delivery is one content distribution a subscriber received.
type delivery struct {
	header http.Header
	body   []byte
}

// subscriber is a WebSub subscriber on loopback: it answers verifications
// (echoing the challenge unless told to refuse) and records deliveries,
// failing the first failFirst of them with 500.
type subscriber struct {
	srv        *httptest.Server
	refuse     atomic.Bool
	failFirst  atomic.Int32
	posts      atomic.Int32
	verified   chan url.Values
	deliveries chan delivery
}

func newSubscriber(t *testing.T) *subscriber {
	s := &subscriber{verified: make(chan url.Values, 10), deliveries: make(chan delivery, 10)}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet:
			q := r.URL.Query()
			if s.refuse.Load() {
				http.NotFound(w, r)
				return
			}
			s.verified <- q
			io.WriteString(w, q.Get("hub.challenge"))
		case http.MethodPost:
			n := s.posts.Add(1)
			if n <= s.failFirst.Load() {
				http.Error(w, "busy", http.StatusInternalServerError)
				return
			}
			body, _ := io.ReadAll(r.Body)
			s.deliveries <- delivery{header: r.Header.Clone(), body: body}
		}
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// testHub is a hub on a real SQLite store, running until the test ends,
// served over loopback HTTP.
type testHub struct {
	*Hub
	st    store.Store
	clock *clock
	srv   *httptest.Server
}

func newTestHub(t *testing.T, mod func(*Options)) *testHub {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "hub.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &clock{now: time.Date(2024, 5, 3, 12, 0, 0, 0, time.UTC)}
	opts := Options{
		HubURL:       hubURL,
		IsTopic:      func(u string) bool { return u == topic },
		AllowPrivate: true,
		RetryDelay:   10 * time.Millisecond,
		Attempts:     4,
		Timeout:      5 * time.Second,
		Now:          c.Now,
	}
	if mod != nil {
		mod(&opts)
	}
	h := New(st, opts)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { h.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &testHub{Hub: h, st: st, clock: c, srv: srv}
}

// request posts a subscription request to the hub and returns the status.
func (h *testHub) request(t *testing.T, params map[string]string) int {
	t.Helper()
	form := url.Values{}
	for k, v := range params {
		form.Set(k, v)
	}
	resp, err := http.PostForm(h.srv.URL, form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func (h *testHub) subscribe(t *testing.T, s *subscriber, mode, secret string) {
	t.Helper()
	params := map[string]string{"hub.mode": mode, "hub.topic": topic, "hub.callback": s.srv.URL + "/cb?feed=cpec"}
	if secret != "" {
		params["hub.secret"] = secret
	}
	if got := h.request(t, params); got != http.StatusAccepted {
		t.Fatalf("%s: status %d, want 202", mode, got)
	}
}

// subscriptions waits until the topic has n subscriptions.
func (h *testHub) waitSubscriptions(t *testing.T, n int) []store.Subscription {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		subs, err := h.st.Subscriptions(context.Background(), topic, h.clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		if len(subs) == n {
			return subs
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d subscriptions, want %d", len(subs), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func receive[T any](t *testing.T, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatal("nothing arrived in 5s")
		panic("unreachable")
	}
}

func TestSubscribeVerifyAndDeliverSigned(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	h.subscribe(t, s, "subscribe", "s3cret")

	q := receive(t, s.verified)
	if q.Get("hub.mode") != "subscribe" || q.Get("hub.topic") != topic || q.Get("hub.challenge") == "" {
		t.Errorf("verification query = %v", q)
	}
	if got, want := q.Get("hub.lease_seconds"), "864000"; got != want {
		t.Errorf("lease_seconds = %s, want the default %s", got, want)
	}
	if q.Get("feed") != "cpec" {
		t.Error("the callback's own query was not kept")
	}
	subs := h.waitSubscriptions(t, 1)
	if !subs[0].Expires.Equal(h.clock.Now().Add(DefaultLease)) {
		t.Errorf("expires %v", subs[0].Expires)
	}

	body := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>CPEC</title></channel></rss>`)
	h.Publish(topic, "application/rss+xml; charset=utf-8", body)
	d := receive(t, s.deliveries)
	if string(d.body) != string(body) {
		t.Errorf("delivered %q", d.body)
	}
	if got := d.header.Get("Content-Type"); got != "application/rss+xml; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	if got, want := d.header.Get("Link"), `<`+hubURL+`>; rel="hub", <`+topic+`>; rel="self"`; got != want {
		t.Errorf("Link = %q, want %q", got, want)
	}
	if got, want := d.header.Get(SignatureHeader), Sign("s3cret", body); got != want {
		t.Errorf("signature = %q, want %q", got, want)
	}
	if !strings.HasPrefix(Sign("s3cret", body), "sha256=") || len(Sign("k", body)) != len("sha256=")+64 {
		t.Errorf("signature format %q", Sign("s3cret", body))
	}
}

func TestDeliveryWithoutSecretIsUnsigned(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	h.subscribe(t, s, "subscribe", "")
	h.waitSubscriptions(t, 1)
	h.Publish(topic, "application/feed+json", []byte(`{}`))
	if d := receive(t, s.deliveries); d.header.Get(SignatureHeader) != "" {
		t.Errorf("unsigned subscription got %q", d.header.Get(SignatureHeader))
	}
}

func TestUnsubscribeStopsDeliveries(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	h.subscribe(t, s, "subscribe", "")
	receive(t, s.verified)
	h.waitSubscriptions(t, 1)
	h.subscribe(t, s, "unsubscribe", "")
	q := receive(t, s.verified)
	if q.Get("hub.mode") != "unsubscribe" || q.Has("hub.lease_seconds") {
		t.Errorf("unsubscribe verification query = %v", q)
	}
	h.waitSubscriptions(t, 0)
	h.Publish(topic, "application/rss+xml", []byte("<rss/>"))
	time.Sleep(50 * time.Millisecond)
	if n := s.posts.Load(); n != 0 {
		t.Errorf("%d deliveries after unsubscribing", n)
	}
}

func TestFailedVerificationDoesNotSubscribe(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	s.refuse.Store(true)
	h.subscribe(t, s, "subscribe", "")
	time.Sleep(100 * time.Millisecond) // verification ran (and refused: 404 is final)
	h.waitSubscriptions(t, 0)

	// A subscriber answering 2xx without echoing the challenge is refused too.
	wrong := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	defer wrong.Close()
	if got := h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": wrong.URL}); got != http.StatusAccepted {
		t.Fatalf("status %d", got)
	}
	time.Sleep(100 * time.Millisecond)
	h.waitSubscriptions(t, 0)
}

// TestBadRequestsAreRefused runs in a network namespace of its own, with
// the private callbacks it names brought up on loopback, so that a guard
// that let them through could not reach the real ones.
func TestBadRequestsAreRefused(t *testing.T) {
	if !netns.Run(t, privateCallbackAddrs...) {
		return
	}
	h := newTestHub(t, func(o *Options) { o.AllowPrivate = false })
	cb := "https://subscriber.example/cb"
	cases := []struct {
		name   string
		params map[string]string
	}{
		{"UnknownTopic", map[string]string{"hub.mode": "subscribe", "hub.topic": "https://news.example.org/feeds/nope.rss", "hub.callback": cb}},
		{"ForeignTopic", map[string]string{"hub.mode": "subscribe", "hub.topic": "https://elsewhere.example/feed", "hub.callback": cb}},
		{"NoTopic", map[string]string{"hub.mode": "subscribe", "hub.callback": cb}},
		{"NoCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic}},
		{"RelativeCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "/cb"}},
		{"NonHTTPCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "ftp://x.example/cb"}},
		{"PrivateCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "http://10.0.0.7/cb"}},
		{"LoopbackCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "http://127.0.0.1:8080/cb"}},
		{"CGNATCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "http://100.100.100.200/cb"}},
		{"ZeroNetCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "http://0.0.0.1/cb"}},
		{"MappedCallback", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": "http://[::ffff:169.254.169.254]/cb"}},
		{"LongSecret", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": cb, "hub.secret": strings.Repeat("x", 200)}},
		{"BadLease", map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": cb, "hub.lease_seconds": "soon"}},
		{"NoMode", map[string]string{"hub.topic": topic, "hub.callback": cb}},
		{"PublishMode", map[string]string{"hub.mode": "publish", "hub.url": topic}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := h.request(t, c.params); got != http.StatusBadRequest {
				t.Errorf("status %d, want 400", got)
			}
		})
	}
	t.Run("GetIsNotAllowed", func(t *testing.T) {
		resp, err := http.Get(h.srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("status %d, want 405", resp.StatusCode)
		}
	})
}

func TestLeaseIsBounded(t *testing.T) {
	h := newTestHub(t, nil)
	cases := []struct {
		name, asked string
		want        time.Duration
	}{
		{"Default", "", DefaultLease},
		{"Asked", "7200", 2 * time.Hour},
		{"TooShort", "5", DefaultMinLease},
		{"TooLong", "999999999999", DefaultMaxLease},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			form := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic}, "hub.callback": {"https://s.example/cb"}}
			if c.asked != "" {
				form.Set("hub.lease_seconds", c.asked)
			}
			req, err := h.parse(form)
			if err != nil {
				t.Fatal(err)
			}
			if req.lease != c.want {
				t.Errorf("lease %v, want %v", req.lease, c.want)
			}
		})
	}
}

func TestDeliveryRetriesAfterServerErrors(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	s.failFirst.Store(2)
	h.subscribe(t, s, "subscribe", "k")
	h.waitSubscriptions(t, 1)
	body := []byte("<rss/>")
	h.Publish(topic, "application/rss+xml", body)
	d := receive(t, s.deliveries)
	if string(d.body) != "<rss/>" || d.header.Get(SignatureHeader) != Sign("k", body) {
		t.Errorf("retried delivery = %q, %q", d.body, d.header.Get(SignatureHeader))
	}
	if n := s.posts.Load(); n != 3 {
		t.Errorf("%d POSTs, want 2 failures then a success", n)
	}
}

func TestDeliveryGivesUpAfterAttempts(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	s.failFirst.Store(100)
	h.subscribe(t, s, "subscribe", "")
	h.waitSubscriptions(t, 1)
	h.Publish(topic, "application/rss+xml", []byte("<rss/>"))
	time.Sleep(500 * time.Millisecond) // 10+20+40 ms of backoff, many times over
	if n := s.posts.Load(); n != 4 {
		t.Errorf("%d POSTs, want the 4 attempts allowed", n)
	}
}

func TestExpiredLeaseGetsNoContent(t *testing.T) {
	h := newTestHub(t, nil)
	s := newSubscriber(t)
	if got := h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic,
		"hub.callback": s.srv.URL, "hub.lease_seconds": "3600"}); got != http.StatusAccepted {
		t.Fatalf("status %d", got)
	}
	h.waitSubscriptions(t, 1)
	h.clock.add(time.Hour + time.Second)
	h.waitSubscriptions(t, 0)
	h.Publish(topic, "application/rss+xml", []byte("<rss/>"))
	time.Sleep(50 * time.Millisecond)
	if n := s.posts.Load(); n != 0 {
		t.Errorf("%d deliveries after the lease expired", n)
	}
	n, err := h.st.PruneSubscriptions(context.Background(), h.clock.Now())
	if err != nil || n != 1 {
		t.Errorf("prune = %d, %v; want the expired subscription removed", n, err)
	}
}

func TestSubscriptionsSurviveRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hub.db")
	s := newSubscriber(t)
	run := func(publish bool) {
		st, err := store.Open(context.Background(), path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		h := New(st, Options{HubURL: hubURL, IsTopic: func(u string) bool { return u == topic }, AllowPrivate: true})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { h.Run(ctx); close(done) }()
		defer func() { cancel(); <-done }()
		if !publish {
			srv := httptest.NewServer(h)
			defer srv.Close()
			if resp, err := http.PostForm(srv.URL, url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic}, "hub.callback": {s.srv.URL}}); err != nil || resp.StatusCode != http.StatusAccepted {
				t.Fatalf("subscribe: %v", err)
			}
			receive(t, s.verified)
			for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
				if subs, _ := st.Subscriptions(context.Background(), topic, time.Now()); len(subs) == 1 {
					return
				}
				if time.Now().After(deadline) {
					t.Fatal("the subscription was not stored")
				}
			}
		}
		h.Publish(topic, "application/rss+xml", []byte("<rss/>"))
		receive(t, s.deliveries)
	}
	run(false)
	run(true)
}

// privateCallbackAddrs are brought up on loopback in the namespace tests.
var privateCallbackAddrs = []string{"10.0.0.7", "100.100.100.200", "0.0.0.1", "169.254.169.254"}

// TestPrivateCallbackRefusedWhenDialled listens on private addresses in a
// network namespace of its own and shows that the hub's client never
// connects to them (nor to loopback), while one allowed to does.
func TestPrivateCallbackRefusedWhenDialled(t *testing.T) {
	if !netns.Run(t, privateCallbackAddrs...) {
		return
	}
	for _, ip := range append(privateCallbackAddrs, "127.0.0.1") {
		ln, err := net.Listen("tcp", ip+":0")
		if err != nil {
			t.Fatal(err)
		}
		var hits atomic.Int32
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) })}
		go srv.Serve(ln)
		u := "http://" + ln.Addr().String() + "/cb"
		if _, err := newClient(time.Second, false).Get(u); err == nil || !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("GET %s with the guard: err = %v, want %v", u, err, ErrPrivateAddress)
		}
		if hits.Load() != 0 {
			t.Errorf("%s reached through the guard", u)
		}
		if resp, err := newClient(time.Second, true).Get(u); err != nil {
			t.Errorf("GET %s allowing private: %v", u, err)
		} else {
			resp.Body.Close()
		}
		srv.Close()
	}
}
