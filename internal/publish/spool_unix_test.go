//go:build unix

package publish

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestSpoolSweepsTheSpoolsOfDeadProcesses leaves beside a new spool the
// directory of a process that died (its lock file held by nobody), one of
// a live process (its lock held), one without a lock file and old, and a
// stranger's directory: open removes the dead and the old, keeps the others.
func TestSpoolSweepsTheSpoolsOfDeadProcesses(t *testing.T) {
	parent := t.TempDir()
	mk := func(name string) string {
		dir := filepath.Join(parent, name)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "feed.rss"), []byte("<rss/>"), 0o600); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	dead := mk(spoolPrefix + "dead")
	if err := os.WriteFile(filepath.Join(dead, spoolLock), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	live := mk(spoolPrefix + "live")
	lock, err := lockSpool(filepath.Join(live, spoolLock))
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	old := mk(spoolPrefix + "old")
	long := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	stranger := mk("someone-else")

	s := &spool{parent: parent}
	if err := s.open(); err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for dir, want := range map[string]bool{dead: false, old: false, live: true, stranger: true, s.dir: true} {
		_, err := os.Stat(dir)
		if got := err == nil; got != want {
			t.Errorf("%s exists: %v, want %v", filepath.Base(dir), got, want)
		}
	}
	// A second spool in the same place keeps the first, which is alive.
	s2 := &spool{parent: parent}
	if err := s2.open(); err != nil {
		t.Fatal(err)
	}
	defer s2.close()
	if _, err := os.Stat(s.dir); err != nil {
		t.Errorf("a second spool swept the first, live one: %v", err)
	}
}
