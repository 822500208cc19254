package ingest_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"aggregator/internal/ingest"
	"aggregator/internal/model"
)

// TestCredentialsUsedButNotShown: a source whose URL carries a password
// and a token is fetched with both, and its failure is logged, stored and
// returned without them.
func TestCredentialsUsedButNotShown(t *testing.T) {
	var gotUser, gotPass, gotToken string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUser, gotPass, _ = r.BasicAuth()
		gotToken = r.URL.Query().Get("token")
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer srv.Close()
	var logs bytes.Buffer
	rg := newRig(t, func(o *ingest.Options) { o.Logger = slog.New(slog.NewTextHandler(&logs, nil)) })
	src := model.Source{ID: "private", Title: "Private", Enabled: true, Identity: model.IdentityGUID,
		URL: strings.Replace(srv.URL, "http://", "http://reader:hunter2@", 1) + "/rss?token=tok-s3cret"}
	res := rg.run(src)
	if gotUser != "reader" || gotPass != "hunter2" || gotToken != "tok-s3cret" {
		t.Errorf("fetched with user %q, password %q, token %q; want the configured ones", gotUser, gotPass, gotToken)
	}
	if res.Err == nil {
		t.Fatal("no error")
	}
	for where, text := range map[string]string{"error": res.Err.Error(), "stored error": rg.state("private").LastError, "log": logs.String()} {
		for _, secret := range []string{"hunter2", "tok-s3cret"} {
			if strings.Contains(text, secret) {
				t.Errorf("%s shows %q: %s", where, secret, text)
			}
		}
	}
	if !strings.Contains(res.Err.Error(), "token=REDACTED") {
		t.Errorf("error %q does not name the (redacted) URL", res.Err)
	}
}
