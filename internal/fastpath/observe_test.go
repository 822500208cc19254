package fastpath

import (
	"testing"
	"time"
)

// Observe hears of every answer the fast path wrote, and of none it
// handed to the fallback.
func TestObserveSeesFastAnswers(t *testing.T) {
	type seen struct {
		path   string
		head   bool
		status int
	}
	heard := make(chan seen, 10)
	ts := newTestServer(t, func(s *Server) {
		s.Observe = func(req *Request, status int, took time.Duration) {
			if took < 0 {
				t.Errorf("negative duration %v", took)
			}
			heard <- seen{req.Path, req.Head, status}
		}
	})
	c, br := ts.dial()
	send(t, c, get("/fast"))
	read(t, br, "GET")
	send(t, c, "HEAD /fast HTTP/1.1\r\nHost: test\r\nIf-None-Match: \"v1\"\r\n\r\n")
	read(t, br, "HEAD")
	send(t, c, get("/decline"))
	if resp, _ := read(t, br, "GET"); resp.Header.Get("Via") != "fallback" {
		t.Fatalf("/decline answered via %q", resp.Header.Get("Via"))
	}
	close(heard)
	var got []seen
	for s := range heard {
		got = append(got, s)
	}
	want := []seen{{"/fast", false, 200}, {"/fast", true, 304}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("observed %v, want %v", got, want)
	}
}
