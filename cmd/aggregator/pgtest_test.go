package main

import (
	"os"
	"testing"

	"aggregator/internal/pgtest"
)

// TestMain gives the tests a PostgreSQL cluster (see pgtest).
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
