package netguard

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"testing"
	"time"

	"aggregator/internal/netns"
)

func TestBlocked(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"0.0.0.0", true}, {"0.0.0.1", true}, {"10.1.2.3", true}, {"100.64.0.1", true},
		{"100.100.100.200", true}, {"100.127.255.255", true}, {"127.0.0.1", true}, {"127.1.2.3", true},
		{"169.254.169.254", true}, {"172.16.0.1", true}, {"172.31.255.255", true}, {"192.168.1.1", true},
		{"198.18.0.1", true}, {"198.19.255.255", true}, {"224.0.0.1", true}, {"239.1.2.3", true},
		{"255.255.255.255", true},
		{"::", true}, {"::1", true}, {"fc00::1", true}, {"fd12::1", true}, {"fe80::1", true},
		{"fe80::1%eth0", true}, {"ff02::1", true},
		{"::ffff:127.0.0.1", true}, {"::ffff:169.254.169.254", true}, {"::ffff:100.100.100.200", true},
		{"::10.1.2.3", true}, {"::127.0.0.1", true}, {"64:ff9b::a9fe:a9fe", true}, {"2002:a9fe:a9fe::1", true},
		{"93.184.216.34", false}, {"100.63.255.255", false}, {"100.128.0.1", false}, {"172.32.0.1", false},
		{"198.20.0.1", false}, {"8.8.8.8", false}, {"2606:4700::1111", false}, {"::ffff:8.8.8.8", false},
		{"64:ff9b::808:808", false}, {"2002:808:808::1", false},
	}
	for _, tt := range tests {
		if got := Blocked(netip.MustParseAddr(tt.ip)); got != tt.blocked {
			t.Errorf("Blocked(%s) = %v, want %v", tt.ip, got, tt.blocked)
		}
	}
}

func TestNamesPrivate(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST.": true, "a.localhost": true, "127.0.0.1": true, "[::1]": true,
		"10.0.0.1": true, "0.0.0.1": true, "100.100.100.200": true, "[::ffff:169.254.169.254]": true,
		"www.dawn.com": false, "8.8.8.8": false, "localhost.example": false,
	} {
		if got := NamesPrivate(host); got != want {
			t.Errorf("NamesPrivate(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestTrustedFor(t *testing.T) {
	tests := []struct {
		host, ip string
		want     bool
	}{
		{"10.1.2.3", "10.1.2.3", true},
		{"10.1.2.3", "10.1.2.4", false},
		{"10.1.2.3", "169.254.169.254", false},
		{"localhost", "127.0.0.1", true},
		{"localhost", "::1", true},
		{"localhost", "10.1.2.3", false},
		{"[::1]", "::1", true},
		{"[::1]", "127.0.0.1", false},
		{"", "127.0.0.1", false},
		{"feeds.example", "127.0.0.1", false},
	}
	for _, tt := range tests {
		if got := TrustedFor(tt.host, netip.MustParseAddr(tt.ip)); got != tt.want {
			t.Errorf("TrustedFor(%q, %s) = %v, want %v", tt.host, tt.ip, got, tt.want)
		}
	}
}

// privateAddrs are brought up on the namespace's loopback by the dialling
// tests: one of each refused IPv4 range and the IPv6 ones a loopback
// interface can carry.
var privateAddrs = []string{"0.0.0.1", "10.1.2.3", "100.100.100.200", "169.254.169.254", "172.16.0.1",
	"192.168.1.1", "198.18.0.1", "fd00::1"}

// TestDialRefusedInNamespace listens on every private address inside a
// network namespace of its own and shows that a dialer with the guard
// never connects to any of them (the listener sees nothing), while one
// allowed to does: the addresses are real there, so a broken guard fails
// the test instead of passing by luck.
func TestDialRefusedInNamespace(t *testing.T) {
	if !netns.Run(t, privateAddrs...) {
		return
	}
	for _, a := range append(privateAddrs, "127.0.0.1", "::1") {
		ln, err := net.Listen("tcp", net.JoinHostPort(a, "0"))
		if err != nil {
			t.Fatalf("listen on %s: %v", a, err)
		}
		accepted := make(chan struct{}, 1)
		go func() {
			if c, err := ln.Accept(); err == nil {
				c.Close()
				accepted <- struct{}{}
			}
		}()
		addr := ln.Addr().String()
		dial := func(p Policy) error {
			d := net.Dialer{Timeout: 2 * time.Second, ControlContext: p.Control}
			c, err := d.DialContext(context.Background(), "tcp", addr)
			if err == nil {
				c.Close()
			}
			return err
		}
		if err := dial(Policy{}); !errors.Is(err, ErrPrivate) {
			t.Errorf("dial %s: err = %v, want ErrPrivate", addr, err)
		}
		if err := dial(Policy{Trusted: "203.0.113.9"}); !errors.Is(err, ErrPrivate) {
			t.Errorf("dial %s trusting another host: err = %v, want ErrPrivate", addr, err)
		}
		select {
		case <-accepted:
			t.Errorf("%s: the guard let a connection through", addr)
		default:
		}
		host, _, _ := net.SplitHostPort(addr)
		if err := dial(Policy{Trusted: host}); err != nil {
			t.Errorf("dial %s trusting it: %v", addr, err)
		}
		if err := dial(Policy{AllowPrivate: true}); err != nil {
			t.Errorf("dial %s allowing private: %v", addr, err)
		}
		ln.Close()
	}
}
