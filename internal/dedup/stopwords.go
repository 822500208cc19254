package dedup

// stopwords are folded words that carry no story identity: English function
// words, reporting verbs and calendar names (dates survive as numbers),
// and Urdu function words. They are dropped before shingling.
var stopwords = makeSet(`
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves upon amid among via per
said says say saying told tell tells according added adding noted stated statement reported
reportedly also however meanwhile while earlier later today yesterday tomorrow tonight week
mr mrs ms dr
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
کے کی کا کو میں نے سے پر اور ہے ہیں تھا تھی تھے یہ وہ ایک بھی کہ جو جس جن اس ان گیا گئی گئے
ہو ہوا ہوئی ہوئے کر کیا کیے کی کہا کہنا تک لیے لئے والے والی والا بعد پہلے ساتھ جبکہ لیکن اگر تو
رہا رہی رہے سکتا سکتی سکتے کرنے کرتے کرتی دیا دی دیے گا گی
`)

// numberWords maps spelled-out English numbers to digits, so "seven
// killed" and "7 killed" share their number.
var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
	"fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
	"nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
	"hundred": "100",
}

func makeSet(words string) map[string]bool {
	set := make(map[string]bool)
	word := []rune{}
	for _, r := range words + " " {
		if r == ' ' || r == '\n' || r == '\t' {
			if len(word) > 0 {
				set[string(word)] = true
				word = word[:0]
			}
			continue
		}
		word = append(word, r)
	}
	return set
}
