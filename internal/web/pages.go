package web

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageTemplate is a parsed page, ready to execute.
type pageTemplate interface {
	Execute(w io.Writer, data any) error
}

// pages holds the parsed HTML pages; each is the layout plus its content.
type pages struct {
	home    *template.Template
	preview *template.Template
}

// parsePages parses the embedded templates. They are part of the binary, so
// a failure is a programming error caught by any test.
func parsePages() pages {
	return pages{
		home:    parsePage("home.html"),
		preview: parsePage("preview.html"),
	}
}

func parsePage(name string) *template.Template {
	return template.Must(template.New("layout.html").Funcs(templateFuncs()).
		ParseFS(templateFS, "templates/layout.html", "templates/"+name))
}

func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"when": when,
		"iso":  rfc3339,
		"ago":  ago,
	}
}

// when formats t for people, in UTC; "never" when zero.
func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// ago says how long before now t was (or, for the future, "in ..."), in
// the largest whole unit; "" when t is zero.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		if future {
			return "in under a minute"
		}
		return "just now"
	case d < time.Hour:
		s = fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		s = fmt.Sprintf("%dh", int(d/time.Hour))
	default:
		s = fmt.Sprintf("%dd", int(d/(24*time.Hour)))
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}
