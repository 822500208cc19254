// Package netns runs a test in a network namespace of its own, for tests
// of the private-address guard: inside, only a loopback interface exists,
// with the addresses the test names (169.254.169.254, 10.1.2.3…) brought
// up on it, so the test can listen on them and show that nothing dials
// them, and a regression of the guard can never reach the real ones.
package netns

import (
	"net/netip"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// envChild names the test a re-executed binary runs inside the namespace.
const envChild = "AGGREGATOR_NETNS_TEST"

// Run reports whether the calling test is inside its own network
// namespace with lo up and addrs (IP addresses, or prefixes) on it, and
// should go on. Called outside, it re-executes the test binary for this
// test alone under `unshare -n`, fails t with the child's output when the
// child failed, and reports false: the caller returns. It skips the test
// when namespaces are not available (not root, no unshare or ip).
func Run(t *testing.T, addrs ...string) bool {
	t.Helper()
	if os.Getenv(envChild) == t.Name() {
		return true
	}
	if os.Geteuid() != 0 {
		t.Skip("netns: needs root for unshare -n")
	}
	for _, tool := range []string{"unshare", "ip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("netns: %s not found (scripts/install-test-deps installs it)", tool)
		}
	}
	script := []string{"set -e", "ip link set lo up"}
	for _, a := range addrs {
		if !strings.Contains(a, "/") {
			ip := netip.MustParseAddr(a)
			a = netip.PrefixFrom(ip, ip.BitLen()).String()
		}
		script = append(script, "ip addr add "+a+" dev lo")
	}
	script = append(script, `exec "$@"`)
	var run []string
	for _, part := range strings.Split(t.Name(), "/") {
		run = append(run, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command("unshare", "-n", "sh", "-c", strings.Join(script, "\n"), "sh",
		os.Args[0], "-test.run", strings.Join(run, "/"), "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), envChild+"="+t.Name())
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Fatalf("in a network namespace: %v\n%s", err, out)
	case !strings.Contains(string(out), "--- PASS: "+t.Name()) && !strings.Contains(string(out), "--- SKIP: "+t.Name()):
		t.Fatalf("in a network namespace: the test did not run\n%s", out)
	case testing.Verbose():
		t.Logf("in a network namespace:\n%s", out)
	}
	return false
}
