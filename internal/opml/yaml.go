package opml

import (
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"

	"aggregator/internal/model"
)

// sourceYAML is a source as written in config.yaml; defaults are left out.
type sourceYAML struct {
	ID       string   `yaml:"id"`
	Title    string   `yaml:"title,omitempty"`
	URL      string   `yaml:"url"`
	Schedule string   `yaml:"schedule,omitempty"`
	Region   string   `yaml:"region,omitempty"`
	Language string   `yaml:"language,omitempty"`
	Topics   []string `yaml:"topics,flow,omitempty"`
	Enabled  *bool    `yaml:"enabled,omitempty"`
	Identity string   `yaml:"identity,omitempty"`
	FullText bool     `yaml:"full_text,omitempty"`
}

// SourcesYAML writes sources as a config.yaml "sources:" list, leaving out
// values that are the defaults (enabled: true, identity: guid).
func SourcesYAML(w io.Writer, sources []model.Source) error {
	list := make([]sourceYAML, len(sources))
	for i, s := range sources {
		y := sourceYAML{
			ID: s.ID, Title: s.Title, URL: s.URL, Schedule: s.Schedule,
			Region: s.Region, Language: s.Language, Topics: s.Topics, FullText: s.FullText,
		}
		if !s.Enabled {
			y.Enabled = new(bool)
		}
		if s.Identity != "" && s.Identity != model.IdentityGUID {
			y.Identity = s.Identity
		}
		list[i] = y
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(map[string][]sourceYAML{"sources": list}); err != nil {
		return fmt.Errorf("write sources yaml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write sources yaml: %w", err)
	}
	return nil
}
