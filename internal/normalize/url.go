package normalize

import (
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/idna"
)

// isTracking reports whether a query key only records how a reader arrived
// at an article (compared lower-cased). Keys that select content (id, p,
// story, page, article...) are never in the list.
func isTracking(key string) bool {
	k := strings.ToLower(key)
	if strings.HasPrefix(k, "utm_") {
		return true
	}
	switch k {
	// Ad networks' and social networks' click ids, mail and marketing
	// automation, publishers' own campaign and share markers.
	case "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
		"igsh", "twclid", "ttclid", "li_fat_id", "rb_clickid", "wickedid", "_gl", "_ga",
		"__twitter_impression", "fb_action_ids", "fb_action_types", "fb_ref", "fb_source",
		"action_object_map", "action_type_map", "action_ref_map", "mc_cid", "mc_eid", "_hsenc",
		"_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "mkt_tok", "vero_id", "vero_conv",
		"oly_anon_id", "oly_enc_id", "_openstat", "mbid", "ref", "ref_src", "ref_url", "cmpid",
		"cmp", "ito", "s_cid", "ncid", "ocid", "sr_share", "smid", "smtyp", "xtor", "at_medium",
		"at_campaign", "at_source", "at_format", "ns_source", "ns_mchannel", "ns_campaign",
		"ns_linkname", "ns_fee", "soc_src", "soc_trk", "spm", "share", "taid", "dicbo", "trk",
		"trkcampaign":
		return true
	}
	return false
}

// CanonicalURL resolves raw against base and returns the canonical form used
// to recognise one article under several links: scheme and host lower-cased,
// default port dropped, empty path "/", tracking parameters removed, the
// remaining query parameters sorted by key (repeated keys keep their order)
// and the #fragment removed (a "#!" route is kept: it selects content).
// Non-HTTP URLs are returned resolved but otherwise untouched; an unparsable
// raw comes back trimmed; an empty raw gives "".
func CanonicalURL(raw, base string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if b, err := url.Parse(strings.TrimSpace(base)); err == nil && base != "" {
		u = b.ResolveReference(u)
	} else if u.IsAbs() {
		u = u.ResolveReference(u) // removes dot segments
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return u.String()
	}
	u.Host = canonicalHost(u.Scheme, u.Host)
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	if !strings.HasPrefix(u.Fragment, "!") {
		u.Fragment, u.RawFragment = "", ""
	}
	return u.String()
}

// canonicalHost lower-cases host, writes IDN hosts in their ASCII (punycode)
// form so that both spellings agree, drops a trailing dot and the scheme's
// default port.
func canonicalHost(scheme, host string) string {
	host = strings.ToLower(host)
	hostname, port := host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasSuffix(host, "]") {
		hostname, port = host[:i], host[i+1:]
	}
	hostname = strings.TrimSuffix(hostname, ".")
	if !isASCII(hostname) {
		if a, err := idna.Lookup.ToASCII(hostname); err == nil {
			hostname = a
		}
	}
	if port == "" || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		return hostname
	}
	return hostname + ":" + port
}

// canonicalQuery removes tracking and empty parameters from a raw query and
// sorts the rest by key, keeping each parameter's original encoding.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	parts := strings.Split(raw, "&")
	kept := parts[:0]
	for _, p := range parts {
		if p == "" {
			continue
		}
		key, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(key); err == nil {
			key = k
		}
		if isTracking(key) {
			continue
		}
		kept = append(kept, p)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		ki, _, _ := strings.Cut(kept[i], "=")
		kj, _, _ := strings.Cut(kept[j], "=")
		return ki < kj
	})
	return strings.Join(kept, "&")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
