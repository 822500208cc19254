package opml

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, with or without
// a byte order mark.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	var b bytes.Buffer
	for _, u := range units {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

func TestReadUnicodeFilesSavedByWindowsTools(t *testing.T) {
	doc := func(decl string) string {
		return `<?xml version="1.0" encoding="` + decl + `"?>
<opml version="2.0"><body>
  <outline text="Pakistan"><outline text="ڈان اردو" xmlUrl="https://urdu.example/rss"/></outline>
  <outline text="新华网" xmlUrl="http://xinhua.example/rss.xml"/>
</body></opml>`
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF16LittleEndianWithBOM", utf16Bytes(doc("UTF-16"), false, true)},
		{"UTF16BigEndianWithBOM", utf16Bytes(doc("UTF-16"), true, true)},
		{"UTF16LittleEndianWithoutBOM", utf16Bytes(doc("UTF-16"), false, false)},
		{"UTF16BigEndianWithoutBOM", utf16Bytes(doc("UTF-16"), true, false)},
		{"UTF8WithBOM", append([]byte{0xEF, 0xBB, 0xBF}, doc("UTF-8")...)},
	}
	want := []string{"ڈان اردو", "新华网"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			imp, err := Read(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range imp.Sources {
				got = append(got, s.Title)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("titles = %q, want %q", got, want)
			}
			if got, want := imp.Sources[0].Region, "pakistan"; got != want {
				t.Errorf("region = %q, want %q", got, want)
			}
		})
	}
}

func TestReadSaysWhenTheFileIsNotXML(t *testing.T) {
	_, err := Read(strings.NewReader("sources:\n  - id: dawn\n"))
	if err == nil || !strings.Contains(err.Error(), "not an OPML document") {
		t.Errorf("err = %v, want it to say the file is not an OPML document", err)
	}
}
