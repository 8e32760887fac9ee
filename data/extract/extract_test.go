package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

func mustTime(t *testing.T, s string) data.Time {
	t.Helper()
	tm, err := data.ParseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// checkOffsets fails unless every suggestion's text is at its offsets.
func checkOffsets(t *testing.T, text string, s Suggestions) {
	t.Helper()
	for _, q := range s.Quotes {
		if text[q.Start:q.End] != q.Text {
			t.Errorf("quote %q: text[%d:%d] is %q", q.Text, q.Start, q.End, text[q.Start:q.End])
		}
	}
	for _, d := range s.Dates {
		if text[d.Start:d.End] != d.Expression {
			t.Errorf("date %q: text[%d:%d] is %q", d.Expression, d.Start, d.End, text[d.Start:d.End])
		}
	}
}

// TestLeadArticle checks the suggestions for the lead article against the
// verified default timeline: its six full Kirby quotations and the quoted
// phrases, at the offsets the default timeline computes, and "since
// August" resolved to August 2022.
func TestLeadArticle(t *testing.T) {
	seed, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatal(err)
	}
	var lead data.DocumentSource
	for _, s := range seed.Sources {
		if s.Key == "lead" {
			lead = s
		}
	}
	a := FromText(lead.Text)
	if a.Title != "Iran, Russia expanding their ‘unprecedented’ defense partnership: White House" {
		t.Errorf("title %q", a.Title)
	}
	pub := mustTime(t, "2023-05-15")
	s := Suggest(a.Text, pub)
	checkOffsets(t, a.Text, s)
	got := map[string]Quote{}
	for _, q := range s.Quotes {
		got[q.Text] = q
	}
	full := 0
	for _, want := range seed.Quotes {
		if want.Source != "lead" {
			continue
		}
		q, ok := got[want.Text]
		if !ok {
			t.Errorf("no suggestion for %q", want.Text)
			continue
		}
		if int64(q.Start) != *want.StartByte || int64(q.End) != *want.EndByte {
			t.Errorf("%q at [%d, %d), want [%d, %d)", want.Text, q.Start, q.End, *want.StartByte, *want.EndByte)
		}
		if q.Speaker != "John Kirby" {
			t.Errorf("%q: speaker %q (%s), want John Kirby", want.Text, q.Speaker, q.Attribution)
		}
		if q.Full {
			full++
		}
	}
	if full != 6 {
		t.Errorf("%d full quotations among the default timeline's, want 6", full)
	}
	for _, phrase := range []string{"unprecedented", "billions of dollars", "full-scale"} {
		if q, ok := got[phrase]; !ok || q.Full || q.Speaker != "John Kirby" {
			t.Errorf("phrase %q: %+v (found %v)", phrase, q, ok)
		}
	}
	if k := got["The partnership between Russia and Iran is directly enabling Iran’s destabilizing activities in the Middle East, posing a threat not just to Ukraine, of course, but also to Iran’s neighbors"]; k.SpeakerTitle != "National Security Council Spokesman" {
		t.Errorf("speaker title %q", k.SpeakerTitle)
	}
	if len(s.Quotes) != 9 {
		t.Errorf("%d quotes, want the 6 quotations and 3 phrases", len(s.Quotes))
	}

	dates := map[string]DateMention{}
	for _, d := range s.Dates {
		dates[strings.ToLower(d.Expression)] = d
	}
	want := []struct{ expr, from, to string }{
		{"since august", "2022-08", ""},
		{"monday", "2023-05-15", ""},
		{"in the coming days", "2023-05-15", "2023-05-29"},
	}
	for _, w := range want {
		d, ok := dates[w.expr]
		if !ok || d.From.String() != w.from || d.To.String() != w.to {
			t.Errorf("%q: %+v (found %v), want %s to %s", w.expr, d, ok, w.from, w.to)
		}
	}
	if !dates["in the coming days"].Future || !dates["in the coming days"].Uncertain {
		t.Errorf("coming days not marked future and uncertain")
	}
}

// TestUnseenArticles runs the extractor on small articles written for these
// tests, in other quoting styles: straight quotes, "said NAME", passages
// split by their attribution or running over paragraphs, curly single
// quotes with apostrophes, HTML with page furniture around the article.
func TestUnseenArticles(t *testing.T) {
	type q struct{ text, speaker string }
	type d struct{ expr, from, to string }
	tests := []struct {
		file, pub string
		quotes    []q
		dates     []d
	}{
		{"harbour.txt", "2023-10-12", []q{
			{"We have heard the fishing families, and we are not going to rush this", "Maria Jensen"},
			{"The channel can wait", "Maria Jensen"},
			{"They told us the work was urgent", "Tom Ekdahl"},
			{"and now it can wait a year?", "Tom Ekdahl"},
			{"Nobody is against a safer channel", "Tom Ekdahl"},
			{"We only ask to be consulted before the boats are moved", "Tom Ekdahl"},
			{"That is all we have asked for since 2019", "Tom Ekdahl"},
		}, []d{
			{"Thursday", "2023-10-12", ""},
			{"next year", "2024", ""},
			{"in the coming weeks", "2023-10-12", "2023-11-23"},
			{"March 3, 2021", "2021-03-03", ""},
			{"since September", "2023-09", ""},
			{"since 2019", "2019", ""},
		}},
		{"library.html", "2024-02-09", []q{
			{"a living room for the whole city", "Ana Lopez"},
			{"We promised that the library would come back better, and it has", "Ana Lopez"},
			{"The roof no longer leaks, and the children’s floor is twice as big", "Ana Lopez"},
			{"People have asked me every day when we would open", "Omar Haddad"},
		}, []d{
			{"on Friday", "2024-02-09", ""},
			{"last month", "2024-01", ""},
			{"next week", "2024-02-12", "2024-02-18"},
		}},
		{"lab.txt", "2025-06-03", []q{
			{"cautious optimism", "Lena Okafor"},
			{"It's too early to call it a recovery", "Lena Okafor"},
			{"But the trend is real, and it's holding", "Lena Okafor"},
		}, []d{
			{"on Tuesday", "2025-06-03", ""},
			{"last year", "2024", ""},
			{"in 1998", "1998", ""},
			{"three months ago", "2025-03", ""},
			{"in the next few months", "2025-06-03", "2025-12"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a, err := Read(f)
			if err != nil {
				t.Fatal(err)
			}
			s := Suggest(a.Text, mustTime(t, tt.pub))
			checkOffsets(t, a.Text, s)
			if len(s.Quotes) != len(tt.quotes) {
				t.Errorf("%d quotes, want %d: %+v", len(s.Quotes), len(tt.quotes), s.Quotes)
			}
			for i := range min(len(s.Quotes), len(tt.quotes)) {
				if g, w := s.Quotes[i], tt.quotes[i]; g.Text != w.text || g.Speaker != w.speaker {
					t.Errorf("quote %d: %q by %q, want %q by %q", i, g.Text, g.Speaker, w.text, w.speaker)
				}
			}
			if len(s.Dates) != len(tt.dates) {
				t.Errorf("%d dates, want %d: %+v", len(s.Dates), len(tt.dates), s.Dates)
			}
			for i := range min(len(s.Dates), len(tt.dates)) {
				if g, w := s.Dates[i], tt.dates[i]; g.Expression != w.expr || g.From.String() != w.from || g.To.String() != w.to {
					t.Errorf("date %d: %q %s–%s, want %q %s–%s", i, g.Expression, g.From, g.To, w.expr, w.from, w.to)
				}
			}
		})
	}
}

func TestFromHTML(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "library.html"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromHTML(raw)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "City library reopens after two-year renovation" || a.Outlet != "Riverside Gazette" ||
		a.URL != "https://gazette.example/library-reopens" || a.Published.String() != "2024-02-09" {
		t.Errorf("metadata %+v", a)
	}
	for _, noise := range []string{"tracking", "Subscribe", "Home", "All rights"} {
		if strings.Contains(a.Text, noise) {
			t.Errorf("text has page furniture %q:\n%s", noise, a.Text)
		}
	}
	if strings.Count(a.Text, "City library reopens") != 1 {
		t.Errorf("title repeated:\n%s", a.Text)
	}
}

// TestFromHTML_LooseText: pages that set paragraphs as <div>s, table
// cells or text between <br>s keep every line, with inline elements part
// of their line and page furniture still left out.
func TestFromHTML_LooseText(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string // the lines of the text, after the title
	}{
		{"divs", `<html><head><title>Port strike ends</title></head><body><nav>Home | World</nav>
			<div class="story"><div>"We have a deal," said <b>Anna Berg</b>, the union's leader, on Monday.</div>
			<div>Work resumes <a href="/x">on Tuesday</a>.</div></div><footer>All rights reserved</footer></body></html>`,
			[]string{`"We have a deal," said Anna Berg, the union's leader, on Monday.`, "Work resumes on Tuesday."}},
		{"text between line breaks", `<html><body><div>First line of the story.<br><br>Second line, "quoted".<br>Third.</div></body></html>`,
			[]string{"First line of the story.", `Second line, "quoted".`, "Third."}},
		{"text beside paragraphs", `<html><body><article>Lead text before. <p>A paragraph.</p> Text after.</article></body></html>`,
			[]string{"Lead text before.", "A paragraph.", "Text after."}},
		{"table cells", `<html><body><table><tr><td>One cell.</td><td>Another <i>cell</i>.</td></tr></table></body></html>`,
			[]string{"One cell.", "Another cell."}},
		{"nested list", `<html><body><ul><li>Outer item<ul><li>Inner item</li></ul></li></ul></body></html>`,
			[]string{"Outer item", "Inner item"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromHTML([]byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(a.Text, "\n"), "\n")
			if a.Title != "" {
				lines = lines[1:]
			}
			if !slices.Equal(lines, tt.want) {
				t.Errorf("lines %q, want %q", lines, tt.want)
			}
		})
	}
}

func TestReadRejects(t *testing.T) {
	for _, in := range []string{"\xff\xfe binary", "text\x00with nul", "", " \n\r\n\t "} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) accepted", in)
		}
	}
	if _, err := Read(strings.NewReader("<html><body><script>x</script></body></html>")); err == nil {
		t.Error("an HTML page without text was accepted")
	}
}

// TestDocument imports every suggestion for the lead article into a real
// document and checks the quotes, speaker and the "since August" event.
func TestDocument(t *testing.T) {
	raw, err := assets.Seed().Open("article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Read(raw)
	if err != nil {
		t.Fatal(err)
	}
	pub := mustTime(t, "2023-05-15")
	doc := Document(a, pub, "article.txt", Suggest(a.Text, pub))
	ctx := context.Background()
	st, err := data.CreateFromDocument(ctx, filepath.Join(t.TempDir(), "a.quoteline"), doc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out, err := st.ExportDocument(ctx, data.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Quotes) != 9 || len(out.Actors) != 1 || out.Actors[0].Name != "John Kirby" || len(out.Sources) != 1 {
		t.Fatalf("%d quotes, actors %+v, %d sources", len(out.Quotes), out.Actors, len(out.Sources))
	}
	src, err := st.Source(ctx, 1)
	if err != nil || !src.TextMatches() || src.Text != a.Text {
		t.Errorf("source text stored with SHA-256: %v %v", src.TextMatches(), err)
	}
	var since *data.DocumentEvent
	for i, e := range out.Events {
		if e.Derived != nil && strings.EqualFold(e.Derived.Expression, "since August") {
			since = &out.Events[i]
		}
	}
	if since == nil || since.Start != "2022-08" || since.End != "" || since.Derived.Quote == "" || len(since.Quotes) == 0 {
		t.Errorf("since August event: %+v", since)
	}
}

// TestFindDates_ExplicitYears: a year or a full date written after "since"
// or a month word is the one meant, not the last such month before
// publication; "since" names that point (as the default timeline reads
// "since August": August 2022), not a period up to publication.
func TestFindDates_ExplicitYears(t *testing.T) {
	pub := data.Time{Unix: time.Date(2023, 5, 15, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	tests := []struct {
		text, expr, from, to string
	}{
		{"shipments since August 2021 went on", "since August 2021", "2021-08", ""},
		{"shipments since August, 2021 went on", "since August, 2021", "2021-08", ""},
		{"shipments since August went on", "since August", "2022-08", ""},
		{"shipments since late August 2021", "since late August 2021", "2021-08", ""},
		{"held since 15 May 2022 without charge", "since 15 May 2022", "2022-05-15", ""},
		{"held since May 15, 2022, without charge", "since May 15, 2022", "2022-05-15", ""},
		{"held since 2022-05-15 without charge", "since 2022-05-15", "2022-05-15", ""},
		{"signed in March 2020 in Tehran", "in March 2020", "2020-03", ""},
		{"signed in March in Tehran", "in March", "2023-03", ""},
		{"until December 2024 at least", "until December 2024", "2024-12", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := findDates(newLayout(tt.text), pub)
			if len(got) != 1 {
				t.Fatalf("%d dates found: %+v", len(got), got)
			}
			d := got[0]
			if d.Expression != tt.expr || d.From.String() != tt.from || d.To.String() != tt.to || tt.text[d.Start:d.End] != d.Expression {
				t.Errorf("got %q %s to %s, want %q %s to %s", d.Expression, d.From, d.To, tt.expr, tt.from, tt.to)
			}
		})
	}
}

// TestFindQuotes_Speakers: who a quote is given to, in the ways news
// reports attribute quotes.
func TestFindQuotes_Speakers(t *testing.T) {
	tests := []struct {
		text, speaker, title, how string
	}{
		{"\"We will respond,\" said Ukrainian President Volodymyr Zelensky.\n", "Volodymyr Zelensky", "Ukrainian President", "named"},
		// A title in lower case before the name is kept as the title.
		{"\"We are deeply concerned,\" State Department spokesman Ned Price told reporters.\n", "Ned Price", "State Department spokesman", "named"},
		{"\"We have nothing to add,\" Kremlin spokesman Dmitry Peskov said.\n", "Dmitry Peskov", "Kremlin spokesman", "named"},
		{"Dmitry Peskov, the Kremlin spokesman, said: \"We have nothing to add.\"\n", "Dmitry Peskov", "", "named"},
		// "Mr." is not a title; the surname is the speaker named before.
		{"Kremlin spokesman Dmitry Peskov said it was over. Mr. Peskov added that \"the topic is closed.\"\n", "Dmitry Peskov", "Kremlin spokesman", "named"},
		// A place is not a speaker: the group in it speaks, not named.
		{"Officials in Kyiv said the attack was \"deliberate\". Later Maria Petrenko said more.\n", "officials in Kyiv", "", "description"},
		// An organisation speaks too.
		{"\"It is not true,\" Iran's foreign ministry said in a statement. Maria Petrenko said more.\n", "Iran's foreign ministry", "", "named"},
		// A described speaker is not given the name of someone else.
		{"A White House official said Monday that it was \"unprecedented\". John Kirby told reporters so.\n", "a White House official", "", "description"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			qs := findQuotes(newLayout(tt.text))
			if len(qs) == 0 {
				t.Fatal("no quote found")
			}
			q := qs[len(qs)-1]
			if q.Speaker != tt.speaker || q.SpeakerTitle != tt.title || q.Attribution != tt.how {
				t.Errorf("%q: speaker %q, title %q (%s); want %q, %q (%s)", q.Text, q.Speaker, q.SpeakerTitle, q.Attribution, tt.speaker, tt.title, tt.how)
			}
		})
	}
}

// TestSuggestions_SummaryAndConfidence: the summary counts sure quotes and
// those to check; AtLeast(high) keeps only the sure ones; ParseConfidence
// takes high and check and names them when given anything else.
func TestSuggestions_SummaryAndConfidence(t *testing.T) {
	s := Suggestions{Quotes: []Quote{{Confidence: data.ConfidenceHigh}, {Confidence: data.ConfidenceCheck}, {Confidence: data.ConfidenceHigh}}}
	if got := s.Summary(); got != "3 quotes, 2 sure, 1 to check" {
		t.Errorf("Summary = %q", got)
	}
	if got := (Suggestions{Quotes: s.Quotes[:1]}).Summary(); got != "1 quote, 1 sure, 0 to check" {
		t.Errorf("Summary of one = %q", got)
	}
	if n := len(s.AtLeast(data.ConfidenceHigh).Quotes); n != 2 {
		t.Errorf("AtLeast(high) kept %d quotes", n)
	}
	if n := len(s.AtLeast(data.ConfidenceCheck).Quotes); n != 3 {
		t.Errorf("AtLeast(check) kept %d quotes", n)
	}
	for in, want := range map[string]data.Confidence{"high": data.ConfidenceHigh, "check": data.ConfidenceCheck, "": data.ConfidenceCheck} {
		if got, err := ParseConfidence(in); err != nil || got != want {
			t.Errorf("ParseConfidence(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseConfidence("sure"); err == nil || !strings.Contains(err.Error(), "high") {
		t.Errorf("ParseConfidence(sure): %v", err)
	}
}

// TestFromText_LongFirstLine: an article whose first line is a whole
// paragraph (no headline) is not refused for its shape: its title is that
// paragraph's first sentence, or its first words cut at a word, and the
// text stays whole.
func TestFromText_LongFirstLine(t *testing.T) {
	para := "The council voted on Tuesday to close the harbour road for repairs, a decision that " +
		strings.Repeat("residents said would cut the village off from the coast for most of the winter, ", 90) + "officials said."
	tests := []struct{ text, title string }{
		{"Short headline\n" + para, "Short headline"},
		{"Storm damage closes the coast road. " + para + "\nSecond paragraph.", "Storm damage closes the coast road."},
		{para + "\n“It will take weeks,” Mayor Ana Lopez said.", ""},
		{"\r\n\r\n" + strings.Repeat("word ", 2000), ""},
		{strings.Repeat("é", 5000) + "\nSecond line.", ""},
		{strings.Repeat("Ab", 3000) + ". " + para, ""},
	}
	for _, tt := range tests {
		a := FromText(tt.text)
		if tt.title != "" && a.Title != tt.title {
			t.Errorf("title %q, want %q", a.Title, tt.title)
		}
		if n := len([]rune(a.Title)); n == 0 || n > maxTitleRunes+1 {
			t.Errorf("title of %d characters: %q", n, a.Title)
		}
		if strings.HasSuffix(a.Title, "…") && strings.Contains(a.Title, "  ") {
			t.Errorf("title %q", a.Title)
		}
		if want := strings.ReplaceAll(tt.text, "\r\n", "\n"); a.Text != want {
			t.Errorf("text changed")
		}
		pub := mustTime(t, "2024-02-06")
		if _, err := data.CheckDocument(Document(a, pub, "a.txt", Suggest(a.Text, pub))); err != nil {
			t.Errorf("refused: %v", err)
		}
	}
}

// TestDocument_LongWords: a word thousands of letters long is no one's
// name, so no speaker's name is longer than a document accepts.
func TestDocument_LongWords(t *testing.T) {
	long := strings.Repeat("Ab", 3000)
	pub := mustTime(t, "2024-02-06")
	for _, text := range []string{
		"Headline\n“We are ready,” said the " + long + " Department.\n",
		"Headline\n“We are ready,” said " + long + " Smith.\n",
		"Headline\n“We are ready,” said a " + strings.ToLower(long) + " spokesman.\n",
		"Headline\n" + long + " Jones, a " + long + " official, said: “We are ready.”\n",
	} {
		a := FromText(text)
		s := Suggest(a.Text, pub)
		for _, q := range s.Quotes {
			if len(q.Speaker) > data.MaxTitleBytes/4 {
				t.Errorf("speaker of %d bytes", len(q.Speaker))
			}
		}
		if _, err := data.CheckDocument(Document(a, pub, "a.txt", s)); err != nil {
			t.Errorf("refused: %v", err)
		}
	}
}

// TestFromText_Dateline: a plain-text article's date, on a line of its own
// near the top, is taken for its publication date, as a page's is; dates
// in its sentences, an ambiguous date and a date further down are not.
func TestFromText_Dateline(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"under the byline", "Mills cut jobs\nBy Jane Roe\nMarch 3, 2021\n\nThe mill said on Friday it would cut jobs.\n", "2021-03-03"},
		{"published with a time", "Mills cut jobs\nPublished 3 March 2021 10:42 GMT\n\nText.\n", "2021-03-03"},
		{"byline and date on one line", "Mills cut jobs\nBy Jane Roe | Updated: Apr 5, 2022\n\nText.\n", "2022-04-05"},
		{"iso", "Mills cut jobs\n2020-11-30\nText.\n", "2020-11-30"},
		{"a weekday", "Mills cut jobs\nTuesday, June 1, 2021\nText.\n", "2021-06-01"},
		{"a zone's abbreviation", "Mills cut jobs\nMar. 3, 2021 10:42 PM ET\nText.\n", "2021-03-03"},
		{"late, behind UTC", "Mills cut jobs\nPublished 3 March 2021 23:30 GMT-0500\nText.\n", "2021-03-03"},
		{"early, ahead of UTC", "Mills cut jobs\nWed, 3 Mar 2021 01:30:00 +0200\nText.\n", "2021-03-03"},
		{"iso with an offset", "Mills cut jobs\n2021-03-03T23:30:00-05:00\nText.\n", "2021-03-03"},
		{"only a month", "Mills cut jobs\nMarch 2021\nText.\n", ""},
		{"only a year", "Mills cut jobs\n2021\nText.\n", ""},
		{"in a sentence", "Mills cut jobs\nThe mill said on March 3, 2021 that it would cut jobs.\n", ""},
		{"ambiguous", "Mills cut jobs\n3/4/2021\nText.\n", ""},
		{"the title is a date", "March 3, 2021\nText.\n", ""},
		{"too far down", "Mills cut jobs\na\nb\nc\nd\ne\nMarch 3, 2021\n", ""},
	}
	for _, tt := range tests {
		got := FromText(tt.text).Published
		if got.String() != tt.want {
			t.Errorf("%s: published %q, want %q", tt.name, got.String(), tt.want)
		}
	}
}
