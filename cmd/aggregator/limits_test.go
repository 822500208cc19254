package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// serveWithLimits runs the service with short server timeouts and a small
// per-client connection cap, and returns its address.
func serveWithLimits(t *testing.T) string {
	t.Helper()
	cfg, _ := setup(t)
	body, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	limits := `  base_url: "http://news.test"
  read_header_timeout: 500ms
  read_timeout: 1s
  write_timeout: 2s
  idle_timeout: 2s
  max_body: 4KiB
  max_conns_per_client: 60
`
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(body), "  base_url: \"http://news.test\"\n", limits, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	return startMain(t, cfg).Addr()
}

// dialAs connects to addr from the loopback address local (a client of
// its own for the per-client cap).
func dialAs(t *testing.T, local, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(local)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestSlowClientsAreCutOff holds 50 connections uploading a POST /websub
// body a byte at a time and 5 that pipeline requests for long paths and
// never read, and shows that the uploads are cut by server.read_timeout,
// that the error answers do not echo the long path, that a client's
// connections beyond server.max_conns_per_client are closed at once, and
// that meanwhile new clients are answered.
func TestSlowClientsAreCutOff(t *testing.T) {
	addr := serveWithLimits(t)

	var wg sync.WaitGroup
	cut := make(chan time.Duration, 50)
	for range 50 {
		c := dialAs(t, "127.0.0.2", addr)
		wg.Go(func() {
			start := time.Now()
			fmt.Fprintf(c, "POST /websub HTTP/1.1\r\nHost: news.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n")
			c.SetReadDeadline(time.Now().Add(20 * time.Second))
			go func() { // a byte every 200 ms, as long as the server takes them
				for {
					if _, err := c.Write([]byte("a")); err != nil {
						return
					}
					time.Sleep(200 * time.Millisecond)
				}
			}()
			// Until EOF or a reset, once the server closed the connection.
			if _, err := io.Copy(io.Discard, c); isTimeout(err) {
				t.Errorf("slow upload still open after 20 s")
				return
			}
			cut <- time.Since(start)
		})
	}

	longPath := "/api/" + strings.Repeat("x", 32<<10)
	for range 5 {
		c := dialAs(t, "127.0.0.3", addr)
		go func() {
			for range 200 {
				if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: news.test\r\n\r\n", longPath); err != nil {
					return
				}
			}
		}()
	}
	echo := dialAs(t, "127.0.0.4", addr)
	fmt.Fprintf(echo, "GET %s HTTP/1.1\r\nHost: news.test\r\nConnection: close\r\n\r\n", longPath)
	echo.SetReadDeadline(time.Now().Add(10 * time.Second))
	answer, err := io.ReadAll(echo)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(answer), " 404 ") || len(answer) > 1024 {
		t.Errorf("answer to a 32 KiB path: %d bytes, want a short 404:\n%.300s", len(answer), answer)
	}

	var slowest time.Duration
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true,
		DialContext: (&net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.5")}}).DialContext}}
	for _, path := range []string{"/healthz", "/feeds/cpec.rss", "/api/sources", "/healthz", "/feeds/cpec.atom"} {
		start := time.Now()
		resp, err := client.Get("http://" + addr + path)
		if err != nil {
			t.Fatalf("new client, %s: %v", path, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("new client, %s: status %d", path, resp.StatusCode)
		}
		slowest = max(slowest, time.Since(start))
	}
	t.Logf("new clients answered in at most %v while 50 slow uploads and 5 slow readers were open", slowest)

	// The per-client cap: 60 open, the 61st closed at once. The 60 send
	// nothing, so read_header_timeout (500ms) closes them: an attempt
	// counts only when all 61 were opened well within it (a loaded
	// machine can take longer; then it is tried again).
	for attempt := 1; ; attempt++ {
		start := time.Now()
		conns := make([]net.Conn, 0, 60)
		for range 60 {
			conns = append(conns, dialAs(t, "127.0.0.6", addr))
		}
		extra := dialAs(t, "127.0.0.6", addr)
		opened := time.Since(start)
		extra.SetReadDeadline(time.Now().Add(5 * time.Second))
		fmt.Fprintf(extra, "GET /healthz HTTP/1.1\r\nHost: news.test\r\n\r\n")
		_, err := bufio.NewReader(extra).ReadByte()
		for _, c := range append(conns, extra) {
			c.Close()
		}
		if err != nil && !isTimeout(err) {
			break
		}
		if opened < 250*time.Millisecond || attempt == 5 {
			t.Errorf("the 61st connection of a client (61 opened in %v, attempt %d): err %v, want it closed", opened, attempt, err)
			break
		}
		t.Logf("attempt %d: 61 connections took %v to open, near read_header_timeout; trying again", attempt, opened)
		time.Sleep(time.Second) // the closed ones leave the count
	}

	wg.Wait()
	close(cut)
	var longest time.Duration
	for d := range cut {
		longest = max(longest, d)
	}
	t.Logf("slow uploads cut after at most %v (read_timeout 1s)", longest)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
