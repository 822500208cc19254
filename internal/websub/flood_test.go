package websub

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// tarpit is a subscriber on its own loopback address that confirms
// subscriptions (or, with silent, never answers at all) and never answers
// a delivery: the callbacks an attacker would register.
func tarpit(t *testing.T, ip string, silent bool) string {
	t.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && !silent {
			io.WriteString(w, r.URL.Query().Get("hub.challenge"))
			return
		}
		<-r.Context().Done() // until the hub gives up
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// TestFloodDoesNotStarveSubscribers floods the hub with thousands of
// subscription requests for tarpit callbacks on five hosts, two of which
// never answer even the verification, and shows that the subscriptions
// stay within the limits, nothing is dropped, and a well-behaved
// subscriber that comes afterwards is accepted and receives every new
// version while the tarpits hold their own lanes. With one shared queue,
// the 100 stored tarpits would stand before it at every version, 2 s
// each.
func TestFloodDoesNotStarveSubscribers(t *testing.T) {
	h := newTestHub(t, func(o *Options) {
		o.Timeout = 2 * time.Second
		o.ClientRate = 1 << 20 // every request comes from 127.0.0.1 here; TestClientRateLimit tests the rate
	})
	var pits []string
	for i := 2; i <= 6; i++ {
		pits = append(pits, tarpit(t, fmt.Sprintf("127.0.0.%d", i), i >= 5))
	}

	const requests = 3000
	var accepted, limited atomic.Int32
	var wg sync.WaitGroup
	next := make(chan int)
	for range 32 {
		wg.Go(func() {
			for i := range next {
				form := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic},
					"hub.callback": {fmt.Sprintf("%s/cb/%d", pits[i%len(pits)], i)}}
				resp, err := http.PostForm(h.srv.URL, form)
				if err != nil {
					t.Error(err)
					continue
				}
				resp.Body.Close()
				switch resp.StatusCode {
				case http.StatusAccepted:
					accepted.Add(1)
				case http.StatusForbidden:
					limited.Add(1)
				default:
					t.Errorf("flood request: status %d", resp.StatusCode)
				}
			}
		})
	}
	for i := range requests {
		next <- i
	}
	close(next)
	wg.Wait()
	if got, want := accepted.Load(), int32(len(pits)*DefaultMaxPerHost); got != want {
		t.Errorf("accepted %d of the flood, want %d (%d per callback host)", got, want, DefaultMaxPerHost)
	}
	if limited.Load() != requests-accepted.Load() {
		t.Errorf("limited %d, want the rest", limited.Load())
	}

	good := newRecorder(t)
	if got := h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": good.srv.URL + "/good"}); got != http.StatusAccepted {
		t.Fatalf("well-behaved subscriber: status %d, want 202", got)
	}
	waitFor(t, "the well-behaved subscription stored", func() bool {
		c, err := h.st.CountSubscriptions(t.Context(), topic, good.srv.URL+"/good", h.clock.Now())
		return err == nil && c.Exists
	})
	var slowest time.Duration
	for v := range 5 {
		body := fmt.Sprintf("version %d", v)
		start := time.Now()
		h.Publish(topic, "application/rss+xml", []byte(body))
		waitFor(t, body+" delivered to the well-behaved subscriber", func() bool { return slices.Contains(good.received(), body) })
		slowest = max(slowest, time.Since(start))
	}
	t.Logf("slowest delivery to the well-behaved subscriber: %v", slowest)
	c, err := h.st.CountSubscriptions(t.Context(), topic, "", h.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if max := 3*DefaultMaxPerHost + 1; c.Total > max {
		t.Errorf("%d subscriptions stored, want at most %d", c.Total, max)
	}
	st := h.Stats()
	if st.Deliveries[ResultDropped] != 0 || st.Publishes[ResultDropped] != 0 {
		t.Errorf("dropped: deliveries %d, publishes %d", st.Deliveries[ResultDropped], st.Publishes[ResultDropped])
	}
	if st.Verifications[ResultLimited] != uint64(limited.Load()) {
		t.Errorf("verifications limited = %d, want %d", st.Verifications[ResultLimited], limited.Load())
	}
	t.Logf("flood: %d requests, %d accepted, %d stored; stats %+v", requests, accepted.Load(), c.Total, st)
}

func TestSubscriptionLimits(t *testing.T) {
	h := newTestHub(t, func(o *Options) { o.MaxSubscriptions, o.MaxPerTopic, o.MaxPerHost = 3, 2, 1 })
	a, b, c := newRecorder(t), newRecorder(t), newRecorder(t)
	sub := func(cb string) int {
		return h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": cb})
	}
	// Loopback addresses are distinct hosts: 127.0.0.1 and localhost.
	if got := sub(a.srv.URL + "/1"); got != http.StatusAccepted {
		t.Fatalf("first: status %d", got)
	}
	h.waitSubscriptions(t, 1)
	t.Run("PerHost", func(t *testing.T) {
		if got := sub(b.srv.URL + "/2"); got != http.StatusForbidden {
			t.Errorf("second on the host: status %d, want 403", got)
		}
	})
	t.Run("RenewalPasses", func(t *testing.T) {
		if got := sub(a.srv.URL + "/1"); got != http.StatusAccepted {
			t.Errorf("renewal: status %d, want 202", got)
		}
	})
	t.Run("PerTopic", func(t *testing.T) {
		u, _ := url.Parse(c.srv.URL)
		if got := sub("http://localhost:" + u.Port() + "/3"); got != http.StatusAccepted {
			t.Fatalf("second host: status %d, want 202", got)
		}
		h.waitSubscriptions(t, 2)
		if got := sub("http://127.0.0.2:" + u.Port() + "/4"); got != http.StatusForbidden {
			t.Errorf("third on the topic: status %d, want 403", got)
		}
	})
	t.Run("UnsubscribePasses", func(t *testing.T) {
		if got := h.request(t, map[string]string{"hub.mode": "unsubscribe", "hub.topic": topic, "hub.callback": b.srv.URL + "/2"}); got != http.StatusAccepted {
			t.Errorf("unsubscribe: status %d, want 202", got)
		}
	})
}

func TestClientRateLimit(t *testing.T) {
	h := newTestHub(t, func(o *Options) { o.ClientRate = 3 })
	r := newRecorder(t)
	for i := range 3 {
		if got := h.request(t, map[string]string{"hub.mode": "unsubscribe", "hub.topic": topic, "hub.callback": fmt.Sprintf("%s/%d", r.srv.URL, i)}); got != http.StatusAccepted {
			t.Fatalf("request %d: status %d", i, got)
		}
	}
	resp, err := http.PostForm(h.srv.URL, url.Values{"hub.mode": {"unsubscribe"}, "hub.topic": {topic}, "hub.callback": {r.srv.URL + "/x"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("fourth request: status %d, Retry-After %q; want 429 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
}

func TestFailingCallbackExpires(t *testing.T) {
	h := newTestHub(t, func(o *Options) { o.Attempts, o.MaxFailures = 2, 3 })
	r := newRecorder(t)
	h.subscribeRecorder(t, r)
	r.hold = func(string) bool { return true } // every delivery fails
	h.Publish(topic, "application/rss+xml", []byte("v1"))
	waitFor(t, "v1 given up", func() bool { return h.Stats().Deliveries[ResultFailed] == 1 && idle(h.Hub) })
	h.waitSubscriptions(t, 1) // two failures: still subscribed
	h.Publish(topic, "application/rss+xml", []byte("v2"))
	h.waitSubscriptions(t, 0) // the third in a row unsubscribes
	if got := h.Stats().Deliveries[ResultExpired]; got != 1 {
		t.Errorf("deliveries expired = %d, want 1", got)
	}
}

// TestPendingVerificationsAreBounded: renewals and unsubscriptions take
// no subscription, but their verifications pending for one callback host
// are bounded all the same.
func TestPendingVerificationsAreBounded(t *testing.T) {
	h := newTestHub(t, func(o *Options) { o.MaxPerHost = 3 })
	pit := tarpit(t, "127.0.0.2", true) // never answers: verifications stay pending
	for i := range 3 {
		if got := h.request(t, map[string]string{"hub.mode": "unsubscribe", "hub.topic": topic, "hub.callback": fmt.Sprintf("%s/%d", pit, i)}); got != http.StatusAccepted {
			t.Fatalf("unsubscribe %d: status %d", i, got)
		}
	}
	resp, err := http.PostForm(h.srv.URL, url.Values{"hub.mode": {"unsubscribe"}, "hub.topic": {topic}, "hub.callback": {pit + "/x"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("fourth pending verification of the host: status %d, want 429", resp.StatusCode)
	}
	r := newRecorder(t) // another host is not affected
	h.subscribeRecorder(t, r)
}
