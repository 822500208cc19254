package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package (scripts/install-test-deps)
// puts the browser.
const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium with a fresh profile, or skips the
// test when there is none outside CI (in CI the browser test must run).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no %s (run scripts/install-test-deps): %v", chromiumPath, err)
		}
		t.Fatalf("CI is set but %s is missing: %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

// consoleProblems collects what a page reports as going wrong: console
// errors and warnings, uncaught exceptions and error log entries (failed
// loads, content-security-policy violations).
type consoleProblems struct {
	mu   sync.Mutex
	list []string
}

func listenProblems(ctx context.Context, t *testing.T) *consoleProblems {
	t.Helper()
	p := new(consoleProblems)
	err := chromedp.Listen(ctx, func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				msg = fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			msg = "exception: " + ev.ExceptionDetails.Text
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				msg = fmt.Sprintf("log %s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
		if msg != "" {
			p.mu.Lock()
			p.list = append(p.list, msg)
			p.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("listening to the page: %v", err)
	}
	return p
}

func (p *consoleProblems) take() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := p.list
	p.list = nil
	return out
}

// pageLinks is what a loaded page tells about its links and its width.
type pageLinks struct {
	Hrefs       []string `json:"hrefs"`
	ScrollWidth int      `json:"scrollWidth"`
	InnerWidth  int      `json:"innerWidth"`
}

const inspectPage = `({
	hrefs: Array.from(document.querySelectorAll('a[href], link[href]'), a => a.href),
	scrollWidth: document.documentElement.scrollWidth,
	innerWidth: window.innerWidth,
})`

// load opens path at a viewport width and waits until the page and
// whatever it loads have settled, so that late console errors are seen.
func load(ctx context.Context, base, path string, width, height int64, mobile bool) (pageLinks, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	vp := []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	if mobile {
		vp = append(vp, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(width, height, vp...),
		chromedp.Navigate(base+path),
		chromedp.WaitReady("body"),
	); err != nil {
		return pageLinks{}, fmt.Errorf("loading %s: %w", path, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => document.readyState === 'complete' ? r(true) : addEventListener('load', () => r(true)))`, chromedp.EvalAwaitPromise)); err != nil {
		return pageLinks{}, fmt.Errorf("waiting for %s to load: %w", path, err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[pageLinks](inspectPage))
}

// screenshot writes a full-page PNG of the current page under dir, and a
// copy into $AGGREGATOR_SCREENSHOTS when set.
func screenshot(ctx context.Context, t *testing.T, dir, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot %s is not a PNG", name)
	}
	dirs := []string{dir}
	if d := os.Getenv("AGGREGATOR_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		if err := os.WriteFile(filepath.Join(d, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot %s: %d bytes", name, len(png))
}

// TestPagesInBrowser loads the home page and a feed preview in headless
// Chromium, served from a real store on loopback: no console errors, every
// same-host link answers 200, no horizontal overflow at a phone's width,
// and screenshots for review.
func TestPagesInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ts := newSiteServer(t)
	problems := listenProblems(ctx, t)
	shots := t.TempDir()
	client := ts.Client()
	checked := map[string]bool{}

	pages := []struct{ name, path string }{{"home", "/"}, {"preview", "/feeds/cpec"}, {"curated", "/feeds/cpec-security"}}
	sizes := []struct {
		name          string
		width, height int64
		mobile        bool
	}{{"desktop", 1280, 900, false}, {"phone", 390, 844, true}}
	for _, pg := range pages {
		for _, sz := range sizes {
			t.Run(pg.name+"/"+sz.name, func(t *testing.T) {
				info, err := load(ctx, ts.URL, pg.path, sz.width, sz.height, sz.mobile)
				if err != nil {
					t.Fatal(err)
				}
				if got := problems.take(); len(got) > 0 {
					t.Errorf("console reports problems:\n%s", strings.Join(got, "\n"))
				}
				if info.ScrollWidth > info.InnerWidth {
					t.Errorf("horizontal overflow: page is %dpx wide in a %dpx viewport", info.ScrollWidth, info.InnerWidth)
				}
				if len(info.Hrefs) < 10 {
					t.Errorf("only %d links: %q", len(info.Hrefs), info.Hrefs)
				}
				for _, href := range info.Hrefs {
					u, err := url.Parse(href)
					if err != nil {
						t.Errorf("bad link %q: %v", href, err)
						continue
					}
					if u.Host != strings.TrimPrefix(ts.URL, "http://") {
						continue // outlets' articles: not ours to check, and off loopback
					}
					u.Fragment = ""
					if checked[u.String()] {
						continue
					}
					checked[u.String()] = true
					if code := status(t, client, u.String()); code != http.StatusOK {
						t.Errorf("link %s answers %d", u, code)
					}
				}
				screenshot(ctx, t, shots, pg.name+"-"+sz.name+".png")
			})
		}
	}
	if len(checked) < 10 {
		t.Errorf("only %d same-host links checked", len(checked))
	}
}

// TestBrowserCatchesProblems shows the checks above can fail: a page whose
// image 404s and whose inline script the policy blocks is reported.
func TestBrowserCatchesProblems(t *testing.T) {
	ctx := newBrowser(t)
	ts := newSiteServer(t)
	problems := listenProblems(ctx, t)
	// A feed preview of an unknown feed is a plain 404: Chromium logs the
	// failed load of the main resource.
	if _, err := load(ctx, ts.URL, "/feeds/no-such-feed", 390, 844, true); err != nil {
		t.Fatal(err)
	}
	got := problems.take()
	if len(got) == 0 {
		t.Fatal("a 404 page load was not reported")
	}
	if !strings.Contains(strings.Join(got, "\n"), "404") {
		t.Errorf("reports do not name the 404: %q", got)
	}
}

func status(t *testing.T, client *http.Client, u string) int {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Errorf("GET %s: %v", u, err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
