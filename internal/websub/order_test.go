package websub

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"aggregator/internal/store"
)

// recorder is a subscriber on loopback that confirms every verification
// and keeps, in order, the bodies it accepted. hold, when set, is called
// in each POST before it is answered and says whether to fail it.
type recorder struct {
	srv *httptest.Server

	mu       sync.Mutex
	bodies   []string
	inFlight int
	maxIn    int
	hold     func(body string) (fail bool)
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodGet {
			io.WriteString(w, req.URL.Query().Get("hub.challenge"))
			return
		}
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.inFlight++
		r.maxIn = max(r.maxIn, r.inFlight)
		hold := r.hold
		r.mu.Unlock()
		fail := hold != nil && hold(string(b))
		r.mu.Lock()
		defer r.mu.Unlock()
		r.inFlight--
		if fail {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		r.bodies = append(r.bodies, string(b))
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *recorder) received() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.bodies)
}

// subscribeRecorder subscribes r to the topic and waits for it to be stored.
func (h *testHub) subscribeRecorder(t *testing.T, r *recorder) {
	t.Helper()
	if got := h.request(t, map[string]string{"hub.mode": "subscribe", "hub.topic": topic, "hub.callback": r.srv.URL}); got != http.StatusAccepted {
		t.Fatalf("subscribe: status %d", got)
	}
	h.waitSubscriptions(t, 1)
}

// waitFor polls cond until it holds, failing the test after 5s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5s for %s", what)
		}
	}
}

// idle says whether the hub has nothing queued, pending or backing off.
func idle(h *Hub) bool {
	s := h.Stats()
	return s.Queued == 0 && s.Retrying == 0 && s.Pending == 0
}

func TestNewerVersionWinsOverRetryOfOlder(t *testing.T) {
	cases := []struct {
		name           string
		failV1         bool
		want           []string
		wantSuperseded uint64
	}{
		// v1's POST fails while v2 is being offered: the retry sends v2 and
		// v1 is never sent again.
		{"FailedOlderVersionIsNotRetried", true, []string{"v2"}, 1},
		// v1's POST succeeds while v2 waits: v2 follows it, in order.
		{"NewerVersionFollowsTheOneInFlight", false, []string{"v1", "v2"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newTestHub(t, func(o *Options) { o.RetryDelay = time.Millisecond })
			r := newRecorder(t)
			h.subscribeRecorder(t, r)

			entered, release := make(chan struct{}), make(chan struct{})
			r.hold = func(body string) bool {
				if body != "v1" {
					return false
				}
				close(entered) // v1 is posted once only: a second post panics
				<-release
				return c.failV1
			}
			h.Publish(topic, "application/rss+xml", []byte("v1"))
			receive(t, entered)
			h.Publish(topic, "application/rss+xml", []byte("v2"))
			// v2's distribution has offered it to the subscriber.
			waitFor(t, "v2 distributed", func() bool { return h.Stats().Publishes[ResultOK] == 2 })
			close(release)
			waitFor(t, "the hub idle", func() bool { return idle(h.Hub) })

			if got := r.received(); !slices.Equal(got, c.want) {
				t.Errorf("received %q, want %q", got, c.want)
			}
			st := h.Stats()
			if got := st.Deliveries[ResultSuperseded]; got != c.wantSuperseded {
				t.Errorf("superseded = %d, want %d", got, c.wantSuperseded)
			}
			if got, want := st.Deliveries[ResultOK], uint64(len(c.want)); got != want {
				t.Errorf("deliveries ok = %d, want %d", got, want)
			}
		})
	}
}

func TestRetryBackingOffTakesTheNewestVersion(t *testing.T) {
	// v1 fails and backs off; v2 and v3 are published meanwhile. The retry
	// sends v3 only: v2 replaced v1, then v3 replaced v2, undelivered.
	h := newTestHub(t, func(o *Options) { o.RetryDelay = time.Hour })
	r := newRecorder(t)
	h.subscribeRecorder(t, r)
	r.hold = func(body string) bool { return body == "v1" }
	h.Publish(topic, "application/rss+xml", []byte("v1"))
	waitFor(t, "v1 to fail", func() bool { return h.Stats().Retrying == 1 })
	h.Publish(topic, "application/rss+xml", []byte("v2"))
	waitFor(t, "v2 distributed", func() bool { return h.Stats().Publishes[ResultOK] == 2 })
	h.Publish(topic, "application/rss+xml", []byte("v3"))
	waitFor(t, "v3 distributed", func() bool { return h.Stats().Publishes[ResultOK] == 3 })
	if got := h.Stats(); got.Pending != 1 || got.Queued != 0 {
		t.Errorf("pending %d, queued %d: want one slot backing off and nothing queued", got.Pending, got.Queued)
	}
	if got := h.Stats().Deliveries[ResultSuperseded]; got != 2 {
		t.Errorf("superseded = %d, want v1 and v2", got)
	}
	if got := r.received(); len(got) != 0 {
		t.Errorf("received %q while backing off", got)
	}
}

func TestPublishBurstCoalesces(t *testing.T) {
	h := newTestHub(t, nil)
	r := newRecorder(t)
	h.subscribeRecorder(t, r)
	r.hold = func(string) bool { time.Sleep(20 * time.Millisecond); return false }

	const n = 50
	for i := 1; i <= n; i++ {
		h.Publish(topic, "application/rss+xml", fmt.Appendf(nil, "v%d", i))
	}
	last := fmt.Sprintf("v%d", n)
	waitFor(t, "the newest version delivered", func() bool {
		got := r.received()
		return len(got) > 0 && got[len(got)-1] == last
	})
	waitFor(t, "the hub idle", func() bool { return idle(h.Hub) })

	got := r.received()
	if len(got) >= 10 {
		t.Errorf("%d deliveries for a burst of %d: want them coalesced", len(got), n)
	}
	if got[len(got)-1] != last {
		t.Errorf("last delivery %q, want %q", got[len(got)-1], last)
	}
	for i := 1; i < len(got); i++ {
		var a, b int
		fmt.Sscanf(got[i-1], "v%d", &a)
		fmt.Sscanf(got[i], "v%d", &b)
		if a >= b {
			t.Errorf("delivered %s after %s", got[i], got[i-1])
		}
	}
	r.mu.Lock()
	maxIn := r.maxIn
	r.mu.Unlock()
	if maxIn != 1 {
		t.Errorf("%d deliveries under way at once to one subscriber, want 1", maxIn)
	}
	st := h.Stats()
	if got := st.Publishes[ResultOK] + st.Publishes[ResultCoalesced]; got != n {
		t.Errorf("distributed %d + coalesced %d = %d, want every Publish counted once (%d)",
			st.Publishes[ResultOK], st.Publishes[ResultCoalesced], got, n)
	}
	if st.Publishes[ResultCoalesced] == 0 {
		t.Error("no Publish coalesced")
	}
	if got, want := st.Deliveries[ResultOK], uint64(len(got)); got != want {
		t.Errorf("deliveries ok = %d, want %d", got, want)
	}
}

// TestBusyWorkersDropNothing: while the only worker is held, more work
// than the channel holds waits in its lanes, and all of it is done once
// the worker is free: nothing is dropped for lack of room.
func TestBusyWorkersDropNothing(t *testing.T) {
	h := newTestHub(t, func(o *Options) { o.Workers, o.Queue = 1, 1 })
	r := newRecorder(t)
	h.subscribeRecorder(t, r)
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	r.hold = func(string) bool { once.Do(func() { close(entered); <-release }); return false }
	h.Publish(topic, "application/rss+xml", []byte("v1"))
	receive(t, entered) // the only worker is busy

	for _, other := range []string{"a", "b", "c"} {
		h.Publish("https://news.example.org/feeds/"+other+".rss", "application/rss+xml", []byte("x"))
	}
	h.Publish(topic, "application/rss+xml", []byte("v2"))
	if got := h.Stats().Queued; got != 4 {
		t.Errorf("queued %d, want the 4 distributions beyond the channel of 1", got)
	}
	close(release)
	waitFor(t, "v2 delivered", func() bool { return slices.Contains(r.received(), "v2") })
	waitFor(t, "the hub idle", func() bool { return idle(h.Hub) })
	st := h.Stats()
	if got := st.Publishes[ResultDropped] + st.Deliveries[ResultDropped]; got != 0 {
		t.Errorf("dropped %d", got)
	}
	if got := st.Publishes[ResultOK]; got != 5 {
		t.Errorf("distributed %d, want 5", got)
	}
}

// BenchmarkPublishWhileBusy is the cost of a Publish folded into the
// distribution still waiting for a worker (the hub is not running).
func BenchmarkPublishWhileBusy(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "hub.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h := New(st, Options{HubURL: hubURL, IsTopic: func(string) bool { return true }})
	body := []byte("<rss/>")
	for b.Loop() {
		h.Publish(topic, "application/rss+xml", body)
	}
	if got := h.Stats().Queued; got != 1 {
		b.Errorf("queued %d, want the one distribution", got)
	}
}
