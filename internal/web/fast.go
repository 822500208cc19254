package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"aggregator/internal/fastpath"
)

// feedHeaders are set on every published feed response, on either path.
var feedHeaders = [...][2]string{
	{"X-Content-Type-Options", "nosniff"},
	{"Access-Control-Allow-Origin", "*"},
}

// FastHandler returns the handler of the fast path (package fastpath):
// GET and HEAD of a published feed in a format, answered as the /feeds/
// route answers them. It declines everything else, and so does the whole
// of it when debug logging is on, so that every request is logged by
// Handler's middleware.
func (s *Server) FastHandler() fastpath.Handler {
	log := s.Logger
	if s.Feeds == nil || log != nil && log.Enabled(context.Background(), slog.LevelDebug) {
		return fastpath.HandlerFunc(func(*fastpath.Request, *fastpath.Response) bool { return false })
	}
	var lines []byte
	for _, f := range feedHeaders {
		lines = append(lines, f[0]+": "+f[1]+"\r\n"...)
	}
	return fastpath.HandlerFunc(func(req *fastpath.Request, resp *fastpath.Response) bool {
		file, ok := strings.CutPrefix(req.Path, "/feeds/")
		if !ok {
			return false
		}
		id, ext, ok := cutExt(file)
		if !ok || !validID(id) || !isFormat(ext) {
			return false
		}
		feed, err := s.Feeds.Get(context.Background(), id, ext)
		if err != nil {
			return false // net/http answers with the error, as it would
		}
		fast, ok := feed.(fastpath.Handler)
		if !ok {
			return false
		}
		mark := len(resp.Header)
		resp.Header = append(resp.Header, lines...)
		if !fast.ServeFast(req, resp) {
			resp.Header = resp.Header[:mark]
			return false
		}
		return true
	})
}

// feedsRoute is the path of the ServeMux pattern of the published feeds
// (routes.go), the one route the fast path answers.
const feedsRoute = "/feeds/{file}"

// ObserveFast passes a request the fast path answered to ObserveRequest,
// labelled as net/http labels the same request; use it as the fast path's
// fastpath.Server.Observe.
func (s *Server) ObserveFast(req *fastpath.Request, status int, took time.Duration) {
	if s.ObserveRequest == nil {
		return
	}
	method := http.MethodGet
	if req.Head {
		method = http.MethodHead
	}
	s.ObserveRequest(feedsRoute, method, status, took)
}
