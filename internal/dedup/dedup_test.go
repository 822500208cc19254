package dedup

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
	"pgregory.net/rapid"
)

const wire = `ISLAMABAD, Nov 14 (APP): Four policemen were martyred and six others injured when an improvised explosive device hit a police van on Sariab Road in Quetta on Thursday morning, officials said.
DIG Quetta Aitzaz Goraya said the bomb, planted in a motorcycle parked along the road, was detonated by remote control as the van carrying an anti-riot squad passed by.
The injured were taken to the Civil Hospital Quetta, where an emergency was declared.
The bomb disposal squad said around five kilograms of explosives were used.`

func item(source, title, text string) *model.Item {
	it := &model.Item{SourceID: source, Title: title, ContentText: text}
	it.Fingerprint = Fingerprint(it)
	return it
}

func cand(id int64, it *model.Item, seen time.Time) model.Candidate {
	return model.Candidate{ItemID: id, StoryID: id * 10, SourceID: it.SourceID, FirstSeen: seen, Sig: it.Fingerprint.Sig}
}

func TestFingerprintShape(t *testing.T) {
	for _, p := range loadPairs(t)[:40] {
		for _, side := range []pairSide{p.A, p.B} {
			fp := side.item().Fingerprint
			if n := len(fp.Buckets); n == 0 || n > maxBuckets {
				t.Errorf("%s: %d buckets", side.ID, n)
			}
			if n := len(fp.Sig); n > sigMaxLen || n > 600 {
				t.Errorf("%s: signature of %d bytes", side.ID, n)
			}
			again := side.item().Fingerprint
			if !bytes.Equal(fp.Sig, again.Sig) || !slices.Equal(fp.Buckets, again.Buckets) {
				t.Errorf("%s: fingerprint not deterministic", side.ID)
			}
		}
	}
}

func TestFingerprintIgnoresURLAndBoilerplate(t *testing.T) {
	a := &model.Item{Title: "Quetta blast", ContentText: wire, URL: "https://a.example/1"}
	b := &model.Item{Title: "Quetta blast", ContentText: wire + "\nFollow us on Facebook and X.\nCopyright © 2025 The Nation. All rights reserved.", URL: "https://b.example/story?id=9"}
	fa, fb := Fingerprint(a), Fingerprint(b)
	if !bytes.Equal(fa.Sig, fb.Sig) || !slices.Equal(fa.Buckets, fb.Buckets) {
		t.Errorf("URL or outlet footer changed the fingerprint")
	}
}

func TestFingerprintOfEmptyItemMatchesNothing(t *testing.T) {
	for _, it := range []*model.Item{{}, {Title: "   "}, {Title: "The of and", ContentText: "!!! ... ---"}} {
		fp := Fingerprint(it)
		if len(fp.Buckets) != 0 {
			t.Errorf("%q: %d buckets, want none", it.Title, len(fp.Buckets))
		}
		if s := Similarity(fp.Sig, fp.Sig); s != 0 {
			t.Errorf("%q: self-similarity %.2f, want 0", it.Title, s)
		}
	}
}

func TestMatch(t *testing.T) {
	base := time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)
	story := item("app", "Four policemen martyred in Quetta blast", wire)
	synd := item("nation", "Quetta blast: four cops martyred", wire+"\nAlso read: Govt announces relief package.")
	other := item("geo", "Gunmen kill seven labourers in Kech", "Unidentified gunmen shot dead seven labourers from Punjab at a construction site near Hoshab in Kech district late on Wednesday night, police said. The Levies shifted the bodies to Turbat.")

	t.Run("NoCandidates", func(t *testing.T) {
		if got := Match(synd, nil).StoryID; got != 0 {
			t.Errorf("Match = %d, want 0", got)
		}
	})
	t.Run("PicksTheSameStory", func(t *testing.T) {
		got := Match(synd, []model.Candidate{cand(1, other, base), cand(2, story, base)}).StoryID
		if got != 20 {
			t.Errorf("Match = %d, want 20", got)
		}
	})
	t.Run("UnrelatedOnly", func(t *testing.T) {
		if got := Match(synd, []model.Candidate{cand(1, other, base)}).StoryID; got != 0 {
			t.Errorf("Match = %d, want 0", got)
		}
	})
	t.Run("TieGoesToEarliestSeen", func(t *testing.T) {
		later, earlier := cand(1, story, base.Add(time.Hour)), cand(2, story, base)
		if got := Match(synd, []model.Candidate{later, earlier}).StoryID; got != 20 {
			t.Errorf("Match = %d, want 20 (the earliest seen)", got)
		}
	})
	t.Run("SkipsMalformedAndStorylessCandidates", func(t *testing.T) {
		bad := cand(1, story, base)
		bad.Sig = []byte{9, 9, 9}
		none := cand(2, story, base)
		none.StoryID = 0
		if got := Match(synd, []model.Candidate{bad, none}).StoryID; got != 0 {
			t.Errorf("Match = %d, want 0", got)
		}
	})
	t.Run("MalformedItemSignature", func(t *testing.T) {
		it := *synd
		it.Fingerprint.Sig = nil
		if got := Match(&it, []model.Candidate{cand(1, story, base)}).StoryID; got != 0 {
			t.Errorf("Match = %d, want 0", got)
		}
	})
	t.Run("SameSourceRepostJoins", func(t *testing.T) {
		repost := item("app", "Four policemen martyred in Quetta blast", wire)
		if got := Match(repost, []model.Candidate{cand(1, story, base)}).StoryID; got != 10 {
			t.Errorf("Match = %d, want 10", got)
		}
	})
	t.Run("SameSourceRewriteStaysApart", func(t *testing.T) {
		// Another outlet would join this rewrite; the outlet's own
		// follow-up is its own item.
		lines := strings.SplitN(wire, "\n", 2)
		rewrite := "A remote-controlled bomb tore through a police van on Quetta's Sariab Road on Thursday, martyring four officials of an anti-riot unit.\n" + lines[1]
		own := item("app", "Police van bombed on Sariab Road", rewrite)
		if got := Match(own, []model.Candidate{cand(1, story, base)}).StoryID; got != 0 {
			t.Errorf("same source: Match = %d, want 0", got)
		}
		own.SourceID = "tribune"
		if got := Match(own, []model.Candidate{cand(1, story, base)}).StoryID; got != 10 {
			t.Errorf("other source: Match = %d, want 10", got)
		}
	})
}

func TestSimilarity(t *testing.T) {
	a := item("a", "Four policemen martyred in Quetta blast", wire).Fingerprint.Sig
	b := item("b", "Gunmen kill seven labourers in Kech", "Unidentified gunmen shot dead seven labourers near Hoshab in Kech district, police said.").Fingerprint.Sig
	if s := Similarity(a, a); s < 0.5 {
		t.Errorf("self-similarity %.2f, want >= 0.5", s)
	}
	if s := Similarity(a, b); s >= 0.5 {
		t.Errorf("unrelated similarity %.2f, want < 0.5", s)
	}
	if s := Similarity(a, nil); s != 0 {
		t.Errorf("similarity with nil %.2f, want 0", s)
	}
	if s := Similarity(a[:len(a)-1], a); s != 0 {
		t.Errorf("similarity with a truncated signature %.2f, want 0", s)
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		var s signature
		s.shingles = rapid.IntRange(0, 0xffff).Draw(t, "shingles")
		for i := range s.mins {
			s.mins[i] = rapid.Uint16().Draw(t, "min")
		}
		s.lead = sortedSet(rapid.SliceOfN(rapid.Uint16(), 0, maxLead).Draw(t, "lead"))
		s.entities = sortedSet(rapid.SliceOfN(rapid.Uint16(), 0, maxEntity).Draw(t, "entities"))
		s.head = sortedSet(rapid.SliceOfN(rapid.Uint16(), 0, maxHeadShingles).Draw(t, "head"))
		s.body = sortedSet(rapid.SliceOfN(rapid.Uint16(), 0, maxHanShingles).Draw(t, "body"))
		s.complete = rapid.Bool().Draw(t, "complete")
		s.comment = rapid.Bool().Draw(t, "comment")
		got, ok := decode(s.encode())
		if !ok {
			t.Fatalf("decode failed")
		}
		if got.shingles != s.shingles || got.mins != s.mins || !slices.Equal(got.lead, s.lead) || !slices.Equal(got.entities, s.entities) ||
			got.complete != s.complete || got.comment != s.comment {
			t.Fatalf("round trip changed the signature")
		}
		if wantBody := s.body; (s.complete && !slices.Equal(got.body, wantBody)) || (!s.complete && got.body != nil) {
			t.Fatalf("body = %v, want %v (complete %v)", got.body, wantBody, s.complete)
		}
		if want := sortedSet(append(slices.Clone(s.head), s.body...)); !slices.Equal(got.leadAll, want) && len(want)+len(got.leadAll) > 0 {
			t.Fatalf("leadAll = %v, want %v", got.leadAll, want)
		}
	})
}

// TestVersion1SignaturesStillMatch: items stored before lead containment
// keep their version 1 signatures, which decode without lead shingles and
// still match by the other routes.
func TestVersion1SignaturesStillMatch(t *testing.T) {
	a := item("app", "Four policemen martyred in Quetta blast", wire)
	b := item("nation", "Quetta blast: four cops martyred", wire)
	s, _ := decode(a.Fingerprint.Sig)
	v1 := s.encode()
	v1 = v1[:len(v1)-1-(1+2*len(s.body))-(1+2*len(s.head))]
	v1[0] = sigVersion1
	old, ok := decode(v1)
	if !ok {
		t.Fatal("a version 1 signature does not decode")
	}
	if old.complete || len(old.body) > 0 || old.mins != s.mins || !slices.Equal(old.entities, s.entities) {
		t.Fatal("a version 1 signature decodes wrongly")
	}
	if got := Similarity(v1, b.Fingerprint.Sig); got < 0.5 {
		t.Errorf("Similarity(version 1, version 2) = %.2f, want >= 0.5", got)
	}
}

func TestSimilarityIsSymmetric(t *testing.T) {
	text := rapid.StringMatching(`[A-Za-z0-9 ,.\n]{0,200}`)
	rapid.Check(t, func(t *rapid.T) {
		a := Fingerprint(&model.Item{Title: text.Draw(t, "ta"), ContentText: text.Draw(t, "ca")}).Sig
		b := Fingerprint(&model.Item{Title: text.Draw(t, "tb"), ContentText: text.Draw(t, "cb")}).Sig
		if x, y := Similarity(a, b), Similarity(b, a); x != y {
			t.Fatalf("Similarity(a,b)=%v, Similarity(b,a)=%v", x, y)
		}
	})
}

func FuzzFingerprint(f *testing.F) {
	f.Add("Quetta blast", "", wire)
	f.Add("پیٹرول سستا", "اسلام آباد (اے پی پی) پیٹرول کی قیمت میں ۱۰ روپے کمی", "")
	f.Add("前三季度GDP", "", "新华社北京10月18日电 国家统计局18日发布数据。")
	f.Add("", "\x00\xff\xfe", "1,2,3,,..4.5.")
	f.Add("ISLAMABAD, (APP):", "NEW DELHI (PTI)", "'s's ’s 1.1bn $3 –— Ⅻ ①")
	f.Fuzz(func(t *testing.T, title, summary, content string) {
		fp := Fingerprint(&model.Item{Title: title, SummaryText: summary, ContentText: content})
		if len(fp.Sig) > sigMaxLen {
			t.Fatalf("signature of %d bytes", len(fp.Sig))
		}
		if len(fp.Buckets) > maxBuckets {
			t.Fatalf("%d buckets", len(fp.Buckets))
		}
		if _, ok := decode(fp.Sig); !ok {
			t.Fatalf("signature does not decode")
		}
		if len(fp.Buckets) > 0 && Similarity(fp.Sig, fp.Sig) < 0.5 {
			t.Fatalf("an item with buckets does not match itself")
		}
	})
}

// TestContainmentCountsEveryShared holds containment's early exit and
// filter to the plain count: when the plain share reaches containLead,
// containment gives exactly that share; otherwise 0.
func TestContainmentCountsEveryShared(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		universe := rapid.SliceOfNDistinct(rapid.Uint16(), 1, 300, rapid.ID[uint16]).Draw(t, "universe")
		pick := func(label string, most int) []uint16 {
			var out []uint16
			for _, v := range universe {
				if rapid.Bool().Draw(t, label) && len(out) < most {
					out = append(out, v)
				}
			}
			return sortedSet(out)
		}
		var sigs [2]signature
		for i := range sigs {
			s := signature{head: pick("head", maxHeadShingles), body: pick("body", maxHanShingles), complete: rapid.Bool().Draw(t, "complete")}
			sigs[i], _ = decode(s.encode()) // fills leadAll and leadMask
		}
		a, b := &sigs[0], &sigs[1]
		short, long, ok := shortSide(a, b)
		want := 0
		if ok {
			want = intersect(short.body, long.leadAll)
		}
		c, n := containment(a, b)
		switch {
		case ok && float64(want) >= containLead*float64(len(short.body))-1e-9:
			if n != want || c != float64(want)/float64(len(short.body)) {
				t.Fatalf("containment = %.3f (%d), want %d of %d", c, n, want, len(short.body))
			}
		case c != 0 || n != 0:
			t.Fatalf("containment = %.3f (%d), want 0: the plain count is %d", c, n, want)
		}
	})
}
