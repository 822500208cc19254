// Package pgtest gives tests a PostgreSQL database: the cluster named by
// AGGREGATOR_TEST_POSTGRES_URL, or else a throwaway one it starts itself
// (initdb into a temporary directory, listening on a unix socket only,
// run as the user postgres when the tests run as root), with a fresh
// schema per test. AGGREGATOR_TEST_POSTGRES=off skips the PostgreSQL
// half of the tests, saying so.
//
// A test package using it runs its tests through Main:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"aggregator/internal/redact"
)

// The environment variables pgtest reads.
const (
	EnvURL    = "AGGREGATOR_TEST_POSTGRES_URL" // a cluster to use (its database must allow CREATE SCHEMA)
	EnvSwitch = "AGGREGATOR_TEST_POSTGRES"     // "off" skips the PostgreSQL half of the tests
)

// state is the package's cluster, set up by Main.
var state struct {
	url     string  // "" when off or failed
	skipWhy string  // why the PostgreSQL half is skipped
	admin   *sql.DB // creates and drops the tests' schemas
	stop    func()  // stops a cluster started here
}

// Main sets up PostgreSQL for the tests of a package (see the package
// comment), runs them and tears it down, returning the exit code. When a
// cluster is wanted but cannot be started the tests fail, telling why.
func Main(m *testing.M) int {
	if os.Getenv(EnvSwitch) == "off" {
		state.skipWhy = EnvSwitch + "=off: the PostgreSQL half of the tests is SKIPPED"
		fmt.Fprintln(os.Stderr, "pgtest: "+state.skipWhy)
		return m.Run()
	}
	if err := setUp(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: no PostgreSQL for the tests: %v\n(set %s to a cluster's URL, or %s=off to skip them)\n",
			err, EnvURL, EnvSwitch)
		if state.stop != nil {
			state.stop()
		}
		return 1
	}
	code := m.Run()
	state.admin.Close()
	if state.stop != nil {
		state.stop()
	}
	return code
}

func setUp() error {
	state.url = os.Getenv(EnvURL)
	if state.url == "" {
		u, stop, err := startCluster()
		state.stop = stop
		if err != nil {
			return err
		}
		state.url = u
	}
	db, err := sql.Open("pgx", state.url)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("connecting to %s: %w", redact.URL(state.url), err)
	}
	state.admin = db
	return nil
}

// URL returns the URL of a fresh, empty schema for the test (dropped when
// it ends), or skips the test when the PostgreSQL half is off.
func URL(t testing.TB) string {
	t.Helper()
	Require(t)
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	ctx := context.Background()
	if _, err := state.admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("pgtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := state.admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("pgtest: drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(state.url)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Require skips the test, saying why loudly, when the PostgreSQL half of
// the tests is off; it fails it when Main was not run.
func Require(t testing.TB) {
	t.Helper()
	switch {
	case state.skipWhy != "":
		t.Skip("pgtest: " + state.skipWhy)
	case state.admin == nil:
		t.Fatal("pgtest: no cluster: the package's TestMain must return pgtest.Main(m)")
	}
}

// startCluster initdbs a cluster into a temporary directory and runs its
// server as a child on a unix socket there, nothing else; stop stops it
// and removes the directory. The server gets SIGQUIT (PostgreSQL's
// immediate shutdown) should the test process die without stopping it,
// so that no cluster outlives a crashed or killed test run.
func startCluster() (dbURL string, stop func(), err error) {
	bin, err := binDir()
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "aggregator-pg-")
	if err != nil {
		return "", nil, err
	}
	stop = func() { os.RemoveAll(dir) }
	cred, err := runAs(dir)
	if err != nil {
		return "", stop, err
	}
	data := filepath.Join(dir, "data")
	initdb := exec.Command(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync")
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	initdb.Dir = dir
	if out, err := initdb.CombinedOutput(); err != nil {
		return "", stop, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	logf, err := os.Create(filepath.Join(dir, "log"))
	if err != nil {
		return "", stop, err
	}
	server := exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-k", dir, "-c", "listen_addresses=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
	server.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT}
	server.Dir, server.Stdout, server.Stderr = dir, logf, logf
	if err := server.Start(); err != nil {
		logf.Close()
		return "", stop, fmt.Errorf("postgres: %w", err)
	}
	exited := make(chan struct{}) // closed when the server has exited
	go func() {
		server.Wait()
		close(exited)
	}()
	stop = func() {
		server.Process.Signal(syscall.SIGQUIT)
		<-exited
		logf.Close()
		os.RemoveAll(dir)
	}
	u := url.URL{Scheme: "postgres", User: url.User("postgres"), Path: "/postgres",
		RawQuery: url.Values{"host": {dir}, "sslmode": {"disable"}}.Encode()}
	if err := waitReady(u.String(), exited); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		return "", stop, fmt.Errorf("%w\n%s", err, log)
	}
	return u.String(), stop, nil
}

// waitReady waits for the server at dbURL to take connections.
func waitReady(dbURL string, exited <-chan struct{}) error {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		err := db.PingContext(ctx)
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-exited:
			return errors.New("postgres exited")
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not take connections within a minute: %w", err)
		}
	}
}

// binDir finds PostgreSQL's server programs: on the PATH, else Debian's
// newest /usr/lib/postgresql/N/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errors.New("no PostgreSQL server programs (initdb) on the PATH or in /usr/lib/postgresql/*/bin: " +
		"scripts/install-test-deps installs Debian's postgresql")
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// runAs returns the credential the cluster runs under, giving it dir:
// nil (the current user) unless that is root, which initdb refuses; then
// the user postgres.
func runAs(dir string) (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("running as root, the cluster needs the user postgres: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return nil, err
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}, nil
}
