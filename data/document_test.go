package data

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadDocument_Errors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // replace old by new in testJSON
		want     string
	}{
		{"unknown lane", `"lane": "b"`, `"lane": "zz"`, `test.json: events[1] "e2" lane: unknown lane "zz"`},
		{"unknown quote source", `"key": "q3", "source": "src2"`, `"key": "q3", "source": "nope"`, `test.json: quotes[2] "q3" source: unknown source "nope"`},
		{"unknown actor", `"actors": ["p", "s"]`, `"actors": ["p", "x"]`, `test.json: events[0] "e1" actors[1]: unknown actor "x"`},
		{"unknown linked quote", `{"quote": "q2", "stance": "disputes"}`, `{"quote": "q9", "stance": "disputes"}`, `test.json: events[0] "e1" quotes[1]: unknown quote "q9"`},
		{"unknown derived quote", `"quote": "q1"}`, `"quote": "q7"}`, `test.json: events[0] "e1" derived.quote: unknown quote "q7"`},
		{"duplicate key", `{"key": "s", "name": "Statia"`, `{"key": "p", "name": "Statia"`, `test.json: actors[1] "p" key: duplicate of actors[0] "p"`},
		{"duplicate lane name", `"name": "Beta"`, `"name": "Alpha"`, `test.json: lanes[1] name: "Alpha" is also used by lanes[0]`},
		{"bad month", `"end": "2020-01-02"`, `"end": "2022-13"`, `test.json: events[0] "e1" end: "2022-13" month out of range`},
		{"bad day", `"start": "2019-05"`, `"start": "2019-02-29"`, `test.json: events[0] "e1" start: "2019-02-29" day out of range`},
		{"bad said_at", `"said_at": "2019-06"`, `"said_at": "June"`, `test.json: quotes[2] "q3" said_at: "June" is not a time`},
		{"end before start", `"end": "2020-01-02"`, `"end": "2019-04"`, `test.json: events[0] "e1" end: "2019-04" is before start "2019-05"`},
		{"earliest after start", `"earliest_start": "2019-03"`, `"earliest_start": "2019-06"`, `test.json: events[0] "e1" earliest_start: "2019-06" is after start`},
		{"quote not in text", `"text": "hello world"`, `"text": "goodbye world"`, `test.json: quotes[0] "q1" text: not found in the text of source "src1"`},
		{"wrong start_byte", `"start_byte": 43`, `"start_byte": 40`, `test.json: quotes[1] "q2" start_byte: 40: the text of source "src1" does not have the quote there`},
		{"start_byte past the end", `"start_byte": 43`, `"start_byte": 9223372036854775807`, `test.json: quotes[1] "q2" start_byte: 9223372036854775807 is outside the text`},
		{"offsets without text", `"text": "unlocated words"`, `"text": "unlocated words", "start_byte": 0`, `test.json: quotes[2] "q3" start_byte: source "src2" has no text`},
		{"quote found twice", `"text": "bye"`, `"text": "\u201d"`, `test.json: quotes[1] "q2" start_byte`},
		{"ambiguous quote", `"text": "hello world"`, `"text": "e"`, `test.json: quotes[0] "q1" text: occurs more than once`},
		{"bad colour", `"#112233"`, `"#11223"`, `test.json: lanes[0] "a" color: "#11223" is not a #RRGGBB colour`},
		{"bad status", `"status": "expected"`, `"status": "likely"`, `test.json: events[1] "e2" status: "likely" is not reported`},
		{"bad stance", `"stance": "disputes"}]`, `"stance": "maybe"}]`, `test.json: events[0] "e1" quotes[1].stance: "maybe" is not supports or disputes`},
		{"bad kind", `"kind": "state"`, `"kind": "alien"`, `test.json: actors[1] "s" kind: "alien" is not person`},
		{"bad url", `"https://example.org/a"`, `"javascript:alert(1)"`, `test.json: sources[0] "src1" url: "javascript:alert(1)" is not an http or https URL`},
		{"missing text file", `"text_file": "t.txt"`, `"text_file": "gone.txt"`, `test.json: sources[0] "src1" text_file: open doc/gone.txt`},
		{"text file outside folder", `"text_file": "t.txt"`, `"text_file": "../t.txt"`, `test.json: sources[0] "src1" text_file: "../t.txt" is not a path inside`},
		{"unknown field", `"outlet": "Daily"`, `"outlet": "Daily", "author": "X"`, `test.json: invalid JSON: json: unknown field "author"`},
		{"trailing data", `"quotes": [{"quote": "q1", "stance": "supports"}]}` + "\n ]\n}", `"quotes": [{"quote": "q1", "stance": "supports"}]}` + "\n ]\n} {}", `test.json: invalid JSON: data after the document`},
		{"wrong format", `"format": "quoteline"`, `"format": "other"`, `test.json: format: want "quoteline", got "other"`},
		{"derived without time", `"said_at": "2020"}`, `"said_at": ""}`, `test.json: events[1] "e2" derived: needs a quote or a said_at`},
		{"derived said_at disagrees", `"quote": "q1"}`, `"quote": "q1", "said_at": "2021"}`, `test.json: events[0] "e1" derived.said_at: "2021" differs`},
		{"duplicate link", `{"quote": "q2", "stance": "disputes"}`, `{"quote": "q1", "stance": "disputes"}`, `test.json: events[0] "e1" quotes[1]: quote "q1" linked twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(testJSON, tt.old) {
				t.Fatalf("testJSON does not contain %q", tt.old)
			}
			_, err := readTestDoc(t, strings.Replace(testJSON, tt.old, tt.new, 1))
			if err == nil {
				t.Fatalf("ReadDocument succeeded, want %q", tt.want)
			}
			if !errors.Is(err, ErrInvalidDocument) {
				t.Errorf("error %v is not ErrInvalidDocument", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n%s\nwant it to start\n%s", err, tt.want)
			}
		})
	}
}

func TestReadDocument_ComputesOffsets(t *testing.T) {
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range doc.Quotes {
		if q.Source != "src1" {
			if q.StartByte != nil || q.EndByte != nil {
				t.Errorf("quote %s of a source without text has offsets", q.Key)
			}
			continue
		}
		if q.StartByte == nil || q.EndByte == nil || testArticle[*q.StartByte:*q.EndByte] != q.Text {
			t.Errorf("quote %s offsets do not select its text", q.Key)
		}
	}
	if doc.Sources[0].Text != testArticle {
		t.Errorf("source text not loaded")
	}
}

func FuzzReadDocument(f *testing.F) {
	f.Add([]byte(testJSON))
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t"}`))
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","lanes":[{"key":"a","name":"A","color":"#000000"}],` +
		`"events":[{"key":"e","lane":"a","title":"E","start":"2020","end":"2021-02-29","status":"reported"}]}`))
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","sources":[{"key":"s","title":"S","text_file":"../x"}],` +
		`"quotes":[{"key":"q","source":"s","said_at":"2020","text":"He","start_byte":-1}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{
			"doc/test.json": {Data: data},
			"doc/t.txt":     {Data: []byte(testArticle)},
			"doc/bad.txt":   {Data: []byte{0xff, 0xfe, 'a'}},
		}
		doc, err := ReadDocument(fsys, "doc/test.json")
		if err != nil {
			if !errors.Is(err, ErrInvalidDocument) {
				t.Fatalf("error %v is not ErrInvalidDocument", err)
			}
			return
		}
		// A valid document must be importable as it is.
		if _, err := doc.resolve(); err != nil {
			t.Fatalf("resolve of a valid document: %v", err)
		}
	})
}
