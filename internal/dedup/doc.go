// Package dedup finds near-duplicate news: the same wire story (APP,
// Reuters, PTI, Xinhua...) republished by many outlets under new headlines,
// with a reworded first paragraph, other URLs and outlet furniture, so that
// the store can file every copy under one story.
//
// It works in two stages, as the store calls it:
//
//  1. Fingerprint, at ingest, computes a compact signature (Sig, at most
//     about 600 bytes, 300 to 400 for a typical article) and at most 32
//     bucket keys. The store indexes the buckets;
//     items sharing any bucket are candidates of one another.
//  2. Match, for a new item, verifies the candidates against its signature
//     and picks the story, or none.
//
// # Normalisation
//
// Headline, summary (unless it merely repeats the start of the content) and
// content are NFKC-normalised. The headline loses its wire and aggregator
// furniture: desk slugs and status words ("UPDATE 2-", "REFILE-", "US
// STOCKS-"), an agency credit ("WASHINGTON (Reuters) -"), update markers
// ("-- Update", "(2)") and a truncation ellipsis with the word it broke;
// update numbers would otherwise count as figures. Each paragraph loses a
// leading agency dateline ("ISLAMABAD, Nov 14 (APP):", "BEIJING, Nov. 14
// (Xinhua) --", "新华社北京11月14日电", "اسلام آباد (اے پی پی)");
// sentences carrying outlet boilerplate ("Follow us on", "Copyright",
// "Also read:", "Reporting by", "یہ بھی پڑھیں", "责任编辑") are dropped. Words are lower-cased; English and
// Urdu stopwords, reporting verbs and calendar names go; English words lose
// their inflections (kills, killed, killing); spelled-out numbers become
// digits, digits of any script become ASCII and "1,023.45" becomes
// "1023.45"; Urdu diacritics and letter variants are folded. Han (and
// Japanese, Thai) text, written without spaces, becomes character bigrams.
// Case folding is strings.ToLower, enough for the scripts served here.
//
// Names and numbers are marked as entities: numbers, acronyms (IMF, PTI) and
// words written capitalised mid-sentence anywhere in the item, which then
// count as names everywhere in it, including Title Case headlines.
//
// # Signature
//
//   - 64 b-bit MinHash values (16 bits each) over 2-word shingles of the
//     whole text: an estimate of the texts' Jaccard resemblance.
//   - The headline and lead (first two sentences) words, up to 32, as 16-bit
//     hashes, most salient first when there are more.
//   - The item's entities, up to 40, as 15-bit hashes with a number bit,
//     those of the headline and lead first, then the most frequent.
//   - The lead shingles, 16-bit hashes: those of the headline (up to 16)
//     and of the text's beginning (up to 96, about 150 words; up to 192
//     for Chinese, whose shingles are of character bigrams), with a flag
//     saying whether they are all of the text (a short item). Shingles
//     here stay within a sentence: a short copy cuts and joins sentences.
//   - A flag for an analysis or opinion piece, by its headline's label
//     ("Analysis:", "OPINION |", "ANALYSIS-", "تجزیہ:", "评论：").
//
// Signatures of version 1, stored before the lead shingles, still decode
// (without them) and match by every other route.
//
// # Buckets (at most 32 per item)
//
//   - 14 LSH bands of 3 MinHash values (full 64-bit) each. Two texts share a
//     band with probability 1-(1-J³)¹⁴: 0.84 at J=0.5, 0.60 at J=0.4, 0.11 at
//     J=0.2, about 1e-4 for unrelated news (J≈0.02).
//   - 10 pair buckets: every pair of the 5 most salient headline/lead words
//     (headline entities, then other entities, then headline words, ties
//     broken by hash). Short items (a headline and a line or two) reworded
//     by another outlet share little text but name the same people, places
//     and figures, and so meet here.
//   - Winnowed lead buckets: the smallest shingle hash of every window of
//     8 consecutive shingles of the text's beginning, the first 8 in text
//     order for a short item, 4 for a long one. Two texts that share a
//     run of 8 shingles (a sentence of 15 words or so) select the same
//     shingle in it, so a short copy meets its article however long the
//     article is. Short and long items have keys of their own family: a
//     short item is looked up under both, a long one under the short
//     family only (model.Fingerprint.Lookup), so two articles do not meet
//     here.
//
// # Verification
//
// Match compares the new item with each candidate. Four routes lead to
// "same story" (evidence.route); Match returns the story with the route
// and score of its best evidence, which the store keeps for explain:
//
//   - text ("whole text"): estimated Jaccard ≥ 0.5; ≥ 0.85 when the
//     figures clash; or Jaccard ≥ 0.25 with agreeing names and figures
//     (overlap coefficients ≥ 0.5, at least one side present);
//   - containment ("lead containment"): one side is short (its text
//     wholly in its lead shingles, at least 6 of them) and at least 60% of
//     its text shingles are among the other side's lead shingles
//     (headline and text's beginning), names and figures agreeing. Jaccard
//     and the overlap of salient words are measures for texts of equal
//     length: a one-paragraph copy of a 1,000-word article shares a tenth
//     of its shingles, but nearly all of the copy is in the article's
//     lead. Judged on the short side's shingles, a copy with a clause
//     added ("the government said") or cut passes, a paraphrase does not;
//   - headline: 3 or more shared headline/lead words besides figures and an
//     overlap coefficient ≥ 0.4 when the figures agree and the names do not
//     clash, or ≥ 0.5 when there are no figures but the names agree
//     strongly (≥ 0.75). Figures do not count towards the 3: a small
//     number and two common words ("one-month low", "5-year", "top 10",
//     a date) join unrelated headlines.
//
// The headline route compares headline/lead names (unless nearly all names of
// the texts agree): a short item's few names recur by chance in long texts
// of the same beat.
//
// Headline figures clash when each side's headline or lead carries figures
// the other lacks entirely, at least as many as those it shares (another
// tranche, another close, another toll). A clash counts as disagreeing
// figures, leaving only the near-identical text route, unless several
// names all agree and the items came within 12 hours of each other (an
// update of the story).
//
// Match judges stories, not single items: grouping the candidates by
// story, it joins one only when the item is the same story as the story's
// face (its earliest candidate) or as a strict majority of its candidates,
// so that stories do not chain from event to event (A joins B, C joins A,
// D joins C). Among stories that qualify, the best-scoring wins.
//
// Names and numbers decide the hard cases: two attacks in Balochistan on
// one day (other places, other tolls), two IMF statements (other amounts),
// two matches of one series (other scores), two days of a market report
// (other figures). A same-subject pair with clashing figures joins only if
// its texts are near-identical.
//
// An analysis or opinion piece (labelled so in its headline) and a report
// join only by the whole text: the analysis repeats the report's names,
// figures and pledges in other words, and is another story.
//
// Items of one source join only when near-identical (Jaccard ≥ 0.9, figures
// agreeing): an outlet re-posting a story under a new URL. An outlet's own
// items are otherwise distinct stories, which keeps its templated daily
// items ("markets close", "petrol prices") apart.
//
// Updates are the same story: "toll rises to six" joins "four killed" when
// the rest of the copy, names and most figures stay; readers follow one
// story as it develops. A bare two-line update whose only figure changed
// may stay apart: the figures then clash.
//
// Similarity maps the strongest route's margin m (1 at its threshold) to
// m/(1+m): 0.5 means "just the same story".
//
// # Quality
//
// testdata/uci-news-sample.csv holds 999 real headlines of March 2014
// (UCI "News Aggregator", CC0) in 18 Google News stories;
// TestRealHeadlineClusters files them as headline-only items the way the
// store does and requires pairwise precision ≥ 0.98 (measured 0.983;
// recall is 0.022, Google's stories being whole events, not one report).
//
// testdata/pairs.jsonl holds 444 labelled pairs (built by
// testdata/make_pairs.py from hand-written stories in English, Urdu and
// Chinese: rewrites, syndications, short items, updates, same-subject
// different events, unrelated pairs); TestLabelledPairs runs both stages
// over it and requires precision ≥ 0.98 and recall ≥ 0.95 (measured
// 1.000 and 0.953; 0.926 before lead containment). The thresholds were
// tuned on this set only.
//
// testdata/independent/pairs.jsonl is a second set, written from the
// labelling guideline alone by someone who had not seen the matcher;
// TestIndependentPairs reports its precision and recall by kind, language
// and shape, never pair by pair. Its one run measured precision 0.914 and
// recall 0.906 over 453 pairs, short of the targets (0.98, 0.95); the test
// holds the matcher to those figures meanwhile.
//
// testdata/containment holds real-style short copies and their articles
// (an 820-word article and a one-paragraph summary under a new headline,
// a snippet, Urdu and Chinese agency leads), and same-subject items of
// other events beside long articles: another attack in the province that
// day, yesterday's market close, next week's press briefing, an analysis
// of the pledge a short item reports, another day's gold rate as a bare
// headline (TestShortCopiesJoinTheirArticle).
package dedup
