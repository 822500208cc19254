package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// engineersTopic has no keyword in the fixtures: only its classifier,
// taught by examples (inline and in a file beside the config), can apply
// it to the convoy stories.
const engineersTopic = `  - id: engineers
    title: Foreign engineers
    keywords: ["no-such-word-in-the-fixtures"]
    classifier: {enabled: true, threshold: 0.5}
    examples:
      in:
        - "Convoy carrying Chinese engineers attacked in Balochistan"
        - "Chinese engineers escape attack on their convoy"
      file: engineers-examples.txt
`

const engineersExamples = `# in (+) and out (-) of the engineers topic
+ Gunmen fire on a bus carrying foreign engineers near Dasu
+ Engineers' convoy comes under attack, police say
- PSX closes higher as investors cheer
- Senate approves a bill on the budget
- Stocks gain as the rupee firms against the dollar
- New flight route opens between two cities
- Parliament passes the finance bill
`

func classifierSetup(t *testing.T) string {
	t.Helper()
	cfg, _ := setup(t)
	raw, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Replace(string(raw), "feeds:\n", engineersTopic+"feeds:\n", 1)
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "engineers-examples.txt"), []byte(engineersExamples), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := cli(t, "fetch", "--config", cfg); code == exitUsage {
		t.Fatalf("fetch: exit %d\n%s\n%s", code, stdout, stderr)
	}
	return cfg
}

func TestClassifierTopic(t *testing.T) {
	cfg := classifierSetup(t)

	t.Run("ExplainShowsScoreThresholdAndGrams", func(t *testing.T) {
		code, stdout, stderr := cli(t, "explain", "--config", cfg, convoyLink)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		for _, want := range []string{
			"engineers: APPLIES: no keyword matched, but the classifier scores",
			"classifier: score ",
			"threshold 0.50 (learnt from 4 examples in, 5 out;",
			"weighed most: ",
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("explain lacks %q:\n%s", want, stdout)
			}
		}
		var ex struct {
			Topics []struct {
				ID         string `json:"id"`
				Applies    bool   `json:"applies"`
				Via        string `json:"via"`
				Classifier *struct {
					Score, Threshold float64
					Grams            []struct {
						Text   string
						Weight float64
					}
				} `json:"classifier"`
			} `json:"topics"`
		}
		_, js, _ := cli(t, "explain", "--json", "--config", cfg, convoyLink)
		if err := json.Unmarshal([]byte(js), &ex); err != nil {
			t.Fatal(err)
		}
		for _, tp := range ex.Topics {
			switch tp.ID {
			case "engineers":
				if !tp.Applies || tp.Via != "classifier" || tp.Classifier == nil || tp.Classifier.Score < tp.Classifier.Threshold || len(tp.Classifier.Grams) == 0 {
					t.Errorf("engineers: %+v, want applied via the classifier with its grams", tp)
				}
			default:
				if tp.Classifier != nil {
					t.Errorf("%s has no classifier, but explain shows one", tp.ID)
				}
			}
		}
	})

	t.Run("APIItemsMarksTheClassifier", func(t *testing.T) {
		m := startMain(t, cfg)
		resp, err := http.Get("http://" + m.Addr() + "/api/items?topic=engineers")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		var out struct {
			Items []struct {
				Title  string `json:"title"`
				Topics []struct {
					ID    string   `json:"id"`
					Terms []string `json:"terms"`
					Via   string   `json:"via"`
				} `json:"topics"`
			} `json:"items"`
		}
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatalf("%v: %s", err, body)
		}
		if len(out.Items) == 0 {
			t.Fatalf("no item has the engineers topic: %s", body)
		}
		for _, it := range out.Items {
			for _, tp := range it.Topics {
				if want := map[bool]string{true: "classifier", false: ""}[tp.ID == "engineers"]; tp.Via != want {
					t.Errorf("%q: topic %s via %q, want %q", it.Title, tp.ID, tp.Via, want)
				}
			}
		}
	})

	t.Run("BacktestShowsWhatTheClassifierAdds", func(t *testing.T) {
		code, stdout, stderr := cli(t, "backtest", "--config", cfg)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		for _, want := range []string{"classifiers beside the rules", "engineers\t+", "  + Militants attack convoy"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("backtest lacks %q:\n%s", want, stdout)
			}
		}
	})
}
