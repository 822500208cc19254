// Package redact makes URLs fit to show: a source configured as
// http://user:password@host/feed?token=… is fetched with its credentials,
// but shown (in the API, on the page, in logs, errors and metrics) without
// its userinfo and with the values of credential-like query parameters
// masked.
package redact

import (
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces the value of a credential-like query parameter.
const Mask = "REDACTED"

// secretWords mark a query parameter's name as holding a credential; a
// name containing any of them, in any case, is masked ("api_key",
// "X-Amz-Signature", "access_token", "auth"…).
var secretWords = []string{"token", "key", "secret", "passw", "pwd", "sig", "auth", "credential", "session"}

// URL returns rawURL with its userinfo removed and the values of
// credential-like query parameters masked; the rest is kept byte for byte.
// A string that does not parse as a URL comes back with everything before
// an "@" in it removed, in case it held a password.
func URL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		if i := strings.LastIndex(rawURL, "@"); i >= 0 {
			return "…" + rawURL[i:]
		}
		return rawURL
	}
	u.User = nil
	u.RawQuery = query(u.RawQuery)
	return u.String()
}

// query masks the credential-like values of a raw query, keeping the
// order and encoding of everything else.
func query(raw string) string {
	if raw == "" {
		return raw
	}
	parts := strings.Split(raw, "&")
	for i, p := range parts {
		name, _, hasValue := strings.Cut(p, "=")
		if !hasValue {
			continue
		}
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if secretName(name) {
			parts[i] = p[:strings.Index(p, "=")+1] + Mask
		}
	}
	return strings.Join(parts, "&")
}

func secretName(name string) bool {
	name = strings.ToLower(name)
	for _, w := range secretWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// urlInText finds http(s) URLs in free text such as an error message.
var urlInText = regexp.MustCompile(`(?i)\bhttps?://[^\s"'<>]+`)

// Text returns s with every http(s) URL in it redacted (see URL);
// punctuation that ends a sentence after a URL is kept out of it.
func Text(s string) string {
	if !strings.Contains(s, "://") {
		return s
	}
	return urlInText.ReplaceAllStringFunc(s, func(u string) string {
		trimmed := strings.TrimRight(u, ".,:;!?)]}")
		return URL(trimmed) + u[len(trimmed):]
	})
}

// Error wraps err so that its message is redacted (see Text); errors.Is
// and errors.As still see err. Nil stays nil.
func Error(err error) error {
	if err == nil {
		return nil
	}
	return redacted{err}
}

type redacted struct{ err error }

func (e redacted) Error() string { return Text(e.err.Error()) }
func (e redacted) Unwrap() error { return e.err }
