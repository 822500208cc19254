package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"aggregator/internal/config"
)

// defaultHealthTimeout bounds the whole healthcheck: the container's
// HEALTHCHECK gives it 5 s.
const defaultHealthTimeout = 3 * time.Second

func healthcheckFlags(fs *flag.FlagSet) {
	fs.Duration("timeout", defaultHealthTimeout, "give up after this long")
	fs.String("url", "", "ask this URL instead of /healthz on the configured server.listen")
}

// runHealthcheck asks the running server's /healthz. Every failure exits
// 1, a broken configuration included: a container runtime reads any other
// non-zero code as unusable, not as unhealthy.
func runHealthcheck(ctx context.Context, env *cmdEnv) error {
	if len(env.args) > 0 {
		return usageError{"healthcheck takes no arguments"}
	}
	timeout := env.fs.Lookup("timeout").Value.(flag.Getter).Get().(time.Duration)
	if timeout <= 0 {
		return usageError{"--timeout must be positive, like 3s"}
	}
	target := env.fs.Lookup("url").Value.String()
	if target == "" {
		listen, err := healthListen(env.configPath)
		if err != nil {
			return partialError{err.Error()}
		}
		target = healthURL(listen)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return usageError{fmt.Sprintf("--url %q: %v", target, err)}
	}
	// Straight to the server: a proxy from the environment has no say.
	client := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := client.Do(req)
	if err != nil {
		return partialError{fmt.Sprintf("unhealthy: %v\nIs 'aggregator serve' running with this configuration?", err)}
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return partialError{fmt.Sprintf("unhealthy: %s answered %s", target, resp.Status)}
	}
	fmt.Fprintf(env.stdout, "healthy: %s answered %s\n", target, resp.Status)
	return nil
}

// healthListen is the server's listen address from the configuration, or
// from AGGREGATOR_LISTEN when the file cannot be read (a server keeps
// running on its last good configuration while the file is being fixed).
func healthListen(configPath string) (string, error) {
	cfg, err := config.Load(configPath)
	if err == nil {
		return cfg.Server.Listen, nil
	}
	if listen := os.Getenv("AGGREGATOR_LISTEN"); listen != "" {
		return listen, nil
	}
	return "", fmt.Errorf("cannot tell where the server listens: %v\nFix the configuration (aggregator check), or set AGGREGATOR_LISTEN, or pass --url", err)
}

// healthURL is the /healthz URL of a server listening on addr; a wildcard
// address is asked on loopback.
func healthURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host, port = addr, "80"
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/healthz"
}
