package publish

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// spool keeps a copy of every cached render's bodies in files, so that a
// full response can go from the page cache to the socket with sendfile(2)
// instead of being copied out of memory by write(2). The files are an
// optimisation only: a render whose file is missing or unreadable is served
// from memory. The directory is the spool's own (made with os.MkdirTemp) and
// removed whole by close.
//
// A process killed with SIGKILL cannot remove its directory, so each one
// holds a lock on a file in it (flock(2), released by the kernel when the
// process dies), and open removes the directories beside its own whose lock
// nobody holds.
type spool struct {
	parent string // where the directory is made; "" means os.TempDir()
	seq    atomic.Uint64

	mu     sync.Mutex
	dir    string // "" until opened, and again once closed
	lock   io.Closer
	closed bool
}

// Names in the spool's parent directory.
const (
	spoolPrefix = "aggregator-feeds-"
	spoolLock   = ".lock"
)

// open removes the directories left by dead processes and makes the
// spool's own, once.
func (s *spool) open() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dir != "" || s.closed {
		return nil
	}
	parent := s.parent
	if parent == "" {
		parent = os.TempDir()
	}
	sweepSpools(parent)
	dir, err := os.MkdirTemp(parent, spoolPrefix)
	if err != nil {
		return fmt.Errorf("feed spool: %w", err)
	}
	lock, err := lockSpool(filepath.Join(dir, spoolLock))
	if err != nil {
		os.RemoveAll(dir)
		return fmt.Errorf("feed spool: %w", err)
	}
	s.dir, s.lock = dir, lock
	return nil
}

// sweepSpools removes the spool directories in parent that no live
// process holds; errors leave a directory where it is.
func sweepSpools(parent string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), spoolPrefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if abandoned(filepath.Join(dir, spoolLock)) {
			os.RemoveAll(dir)
		}
	}
}

// write stores a render's bodies in files named by its ETag and records
// their paths in r, which must not be shared yet. Without a directory (not
// opened, or closed) it does nothing.
func (s *spool) write(r *Rendered) error {
	s.mu.Lock()
	dir := s.dir
	s.mu.Unlock()
	if dir == "" {
		return nil
	}
	base := filepath.Join(dir, strings.Trim(r.ETag, `"`)+"."+strconv.FormatUint(s.seq.Add(1), 10))
	body, err := s.writeFile(dir, base, r.Body)
	if err != nil {
		return err
	}
	gz, err := s.writeFile(dir, base+".gz", r.Gzip)
	if err != nil {
		os.Remove(body)
		return err
	}
	r.bodyFile, r.gzipFile = body, gz
	// Kept open for the fast path's sendfile; without them the fast path
	// writes from memory, as net/http's path does when its open fails.
	// Bodies too short to gain from sendfile keep no descriptor.
	if len(r.Body) > 2*sendPrefix {
		r.bodyOpen, _ = openShared(body)
	}
	if len(r.Gzip) > 2*sendPrefix {
		r.gzipOpen, _ = openShared(gz)
	}
	return nil
}

// sharedFile is a spool file kept open for the life of its render in the
// cache, its descriptor shared by every response sending it. It closes
// when the render has left the cache and the last response is done.
type sharedFile struct {
	f    *os.File
	fd   uintptr
	refs atomic.Int64 // 1 for the cache, and 1 for each response under way
	left atomic.Bool  // the cache dropped its reference
}

func openShared(name string) (*sharedFile, error) {
	f, err := openSpooled(name)
	if err != nil {
		return nil, err
	}
	sf := &sharedFile{f: f, fd: f.Fd()}
	sf.refs.Store(1)
	return sf, nil
}

// acquire takes a reference for a response; false once the render left
// the cache (the responses under way finish with the file; later ones
// use memory, so that it closes soon).
func (sf *sharedFile) acquire() bool {
	if sf == nil || sf.left.Load() {
		return false
	}
	for {
		n := sf.refs.Load()
		if n <= 0 {
			return false
		}
		if sf.refs.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// Release drops a reference, closing the file with the last one.
func (sf *sharedFile) Release() {
	if sf != nil && sf.refs.Add(-1) == 0 {
		sf.f.Close()
	}
}

// leave drops the cache's reference, once however often it is called.
func (sf *sharedFile) leave() {
	if sf != nil && sf.left.CompareAndSwap(false, true) {
		sf.Release()
	}
}

// Fd is the open file's descriptor (fastpath.File).
func (sf *sharedFile) Fd() uintptr { return sf.fd }

// writeFile writes b to a temporary file in dir and renames it to name, so
// that no request ever opens a partly written file; it returns name.
func (s *spool) writeFile(dir, name string, b []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", fmt.Errorf("feed spool: %w", err)
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		s.mu.Lock()
		if s.closed {
			err = os.ErrClosed
		} else {
			err = os.Rename(f.Name(), name)
		}
		s.mu.Unlock()
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("feed spool: %w", err)
	}
	return name, nil
}

// remove deletes the files of a render that left the cache and drops the
// cache's reference to the open ones. Responses that already opened them
// keep reading; later ones are served from memory.
func (s *spool) remove(r *Rendered) {
	if r == nil {
		return
	}
	for _, name := range []string{r.bodyFile, r.gzipFile} {
		if name != "" {
			os.Remove(name)
		}
	}
	r.bodyOpen.leave()
	r.gzipOpen.leave()
}

// close removes the directory and every file in it; renders are no longer
// spooled.
func (s *spool) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	dir := s.dir
	s.dir = ""
	if dir == "" {
		return nil
	}
	defer s.lock.Close() // after the removal: no sweep takes it meanwhile
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("feed spool: %w", err)
	}
	return nil
}

// sendPrefix is how much of a body goes out from memory, with the header,
// before the rest is sent from its file. net/http holds the first 2 KiB a
// handler writes (then sends the header) and buffers 4 KiB per connection:
// a prefix above the first and, with the header, below the second leaves
// in the same write(2) as the header, so that the response does not start
// with a segment of its own, and spares ReadFrom its 512-byte sniffing
// read of the file. Other sizes would still be correct, only slower.
const sendPrefix = 3 << 10

// sendFile writes body, a response's whole body with its Content-Length
// set, from the spool file name, which must hold exactly the same bytes:
// the start from memory, the rest through the connection's ReadFrom, which
// net/http turns into sendfile(2). It reports false, having written
// nothing, when the file cannot be used (or the body is too short to gain
// from it); the caller then writes the body from memory.
func sendFile(w http.ResponseWriter, name string, body []byte) bool {
	if len(body) <= 2*sendPrefix {
		return false
	}
	rf := readerFrom(w)
	if rf == nil {
		return false
	}
	f, err := openSpooled(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() != int64(len(body)) {
		return false
	}
	if _, err := f.Seek(sendPrefix, io.SeekStart); err != nil {
		return false
	}
	if _, err := w.Write(body[:sendPrefix]); err != nil {
		return true // the client went away
	}
	_, _ = rf.ReadFrom(io.LimitReader(f, int64(len(body)-sendPrefix))) // likewise
	return true
}

// readerFrom finds, through the Unwrap methods of middleware's writers,
// the first writer able to take a body from an io.Reader itself: net/http's
// own response writer, which hands an *os.File to sendfile(2).
func readerFrom(w http.ResponseWriter) io.ReaderFrom {
	for range 8 { // bound the walk: a writer could unwrap to itself
		if rf, ok := w.(io.ReaderFrom); ok {
			return rf
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil
		}
		w = u.Unwrap()
	}
	return nil
}
