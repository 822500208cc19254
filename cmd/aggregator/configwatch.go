package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// defaultConfigSettle is how long the configuration's directory must be
// quiet after a change before the file is read again: an editor's save
// (write a temporary file, rename it over) and a Kubernetes ConfigMap
// update (a new directory, then the ..data symlink swapped) are each
// several events.
const defaultConfigSettle = 500 * time.Millisecond

// watchConfig reloads the configuration, as SIGHUP does, when its content
// changes. It watches the file's directory rather than the file: a save by
// rename or a symlink swap replaces the file, which a watch on the file
// itself would lose. What changed is decided by the content, so events of
// other files in the directory (swap files, the ConfigMap's own
// bookkeeping) reload nothing. The returned function stops the watcher and
// waits for it.
func (m *Main) watchConfig(ctx context.Context) (stop func()) {
	log := m.app.logger
	file := m.rules().cfg.File
	w, err := fsnotify.NewWatcher()
	if err == nil {
		err = addDirs(w, file)
	}
	if err != nil {
		if w != nil {
			w.Close()
		}
		log.Warn("not watching the configuration for changes: reload it with SIGHUP", slog.String("file", file), slog.Any("error", err))
		return func() {}
	}
	settle := m.ConfigSettle
	if settle <= 0 {
		settle = defaultConfigSettle
	}
	last := contentSum(file)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer w.Close()
		timer := time.NewTimer(settle)
		timer.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case err, ok := <-w.Errors:
				if !ok {
					return
				}
				log.Warn("watching the configuration", slog.Any("error", err))
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if concerns(ev.Name, file) {
					timer.Reset(settle)
				}
			case <-timer.C:
				sum := contentSum(file)
				if sum == nil || bytes.Equal(sum, last) {
					continue // gone mid-swap (its creation comes next) or unchanged
				}
				last = sum
				// A ConfigMap swap may have pointed the file into a new
				// directory; the watch on the file's own one stays.
				if err := addDirs(w, file); err != nil {
					log.Warn("watching the configuration", slog.Any("error", err))
				}
				log.Info("configuration changed: reloading", slog.String("file", file))
				m.Reload(ctx)
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// addDirs watches the directory of the configuration file and, when the
// file is a symlink, the directory of the file it resolves to.
func addDirs(w *fsnotify.Watcher, file string) error {
	if err := w.Add(filepath.Dir(file)); err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(file); err == nil && filepath.Dir(real) != filepath.Dir(file) {
		return w.Add(filepath.Dir(real))
	}
	return nil
}

// concerns reports whether an event on name can change the configuration
// file: the file itself, the file its symlink resolves to, or a
// ConfigMap's ..data symlink. Other files in the directory (a database
// kept beside the configuration, written all the time) must not keep
// putting the reload off.
func concerns(name, file string) bool {
	base := filepath.Base(name)
	if base == filepath.Base(file) || base == "..data" {
		return true
	}
	real, err := filepath.EvalSymlinks(file)
	return err == nil && base == filepath.Base(real)
}

// contentSum is the SHA-256 of the file's content, nil when it cannot be
// read.
func contentSum(file string) []byte {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(data)
	return sum[:]
}
