package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
)

// Generators of big articles for the speed tests and benchmarks; nothing
// this size is kept in the repository.

var genNames = []string{"Maria Jensen", "Tom Ekdahl", "Ana Lopez", "Omar Haddad", "Lena Okafor", "John Kirby",
	"Priya Natarajan", "Kwame Mensah", "Sofia Rossi", "Daniel Weiss"}

// quoteDense returns an article of about n bytes that is mostly quotes:
// attributions before and after, pronouns, descriptions, passages split by
// their attribution and run over paragraphs. With oneLine, it has no line
// breaks at all, as some saved texts have.
func quoteDense(n int, oneLine bool) string {
	var b strings.Builder
	b.WriteString("Council debates the harbour plan again\n")
	sep := "\n"
	if oneLine {
		sep = " "
	}
	for i := 0; b.Len() < n; i++ {
		name := genNames[i%len(genNames)]
		surname := name[strings.IndexByte(name, ' ')+1:]
		pron := "she"
		if i%2 == 1 {
			pron = "he"
		}
		switch i % 6 {
		case 0:
			fmt.Fprintf(&b, "“We have heard the families, and plan %d will not be rushed,” said %s, the council’s deputy chair.%s", i, name, sep)
		case 1:
			fmt.Fprintf(&b, "%s told reporters: “The channel can wait another %d years, and the boats can stay where they are.”%s", name, i, sep)
		case 2:
			fmt.Fprintf(&b, "“Nobody is against channel %d,” %s said. “We only ask to be consulted on %d,” %s added, calling it “a matter of trust %d.”%s", i, surname, i, pron, i, sep)
		case 3:
			fmt.Fprintf(&b, "A harbour spokesman said survey %d was “nearly finished” and that “the data will be public by %d.”%s", i, i, sep)
		case 4:
			fmt.Fprintf(&b, "“This is the first paragraph of a long statement by the association, number %d.%s“And this is its second paragraph, which ends the quotation,” the association said.%s", i, sep, sep)
		default:
			fmt.Fprintf(&b, "Mr. %s, who has fished here for thirty years, shouted, \"Enough is enough, %d times,\" and left the hall.%s", surname, i, sep)
		}
	}
	return b.String()
}

// dateDense returns an article of about n bytes dense with dates of every
// kind; with oneLine, without line breaks.
func dateDense(n int, oneLine bool) string {
	var b strings.Builder
	b.WriteString("A calendar of the council\n")
	sep := "\n"
	if oneLine {
		sep = " "
	}
	months := []string{"January", "March", "May", "August", "October", "December"}
	for i := 0; b.Len() < n; i++ {
		m := months[i%len(months)]
		fmt.Fprintf(&b, "On Monday the council met, as it did on %s %d, %d, and since %s; it will meet next Tuesday, "+
			"in %s and over the coming weeks. Over the past year it met %d times, from 2011 to 2013 less often, "+
			"and three months ago it moved to Friday mornings.%s", m, i%28+1, 1990+i%30, m, m, i%50, sep)
	}
	return b.String()
}

// markDense returns about n bytes of words and stray quotation marks of
// every kind, mostly unpaired, with names and speech verbs between them:
// the worst case for pairing marks and looking for cues.
func markDense(n int, oneLine bool) string {
	var b strings.Builder
	marks := []string{"“", "”", "\"", "'", "‘", "’", "''", "«", "»", " ‘tis", "90s’"}
	sep := "\n"
	if oneLine {
		sep = " "
	}
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%sWord %d said %s, who told Mr. %s%s %s", marks[i%len(marks)], i, genNames[i%len(genNames)],
			genNames[(i+3)%len(genNames)], marks[(i*7)%len(marks)], marks[(i*3)%len(marks)])
		if i%9 == 8 {
			b.WriteString(sep)
		}
	}
	return b.String()
}

// labelDense returns about n bytes of the shapes that look far for their
// cue: transcript labels, names before colons, pronouns, runs of
// capitalised words, sentences that never end (no full stop at all), with
// or without line breaks.
func labelDense(n int, oneLine bool) string {
	var b strings.Builder
	sep := "\n"
	if oneLine {
		sep = " "
	}
	for i := 0; b.Len() < n; i++ {
		name := genNames[i%len(genNames)]
		surname := strings.ToUpper(name[strings.IndexByte(name, ' ')+1:])
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "“%s: we will look at plan %d and then %s: no” and %s", surname, i, surname, sep)
		case 1:
			fmt.Fprintf(&b, "Pollsters agree - %s: “it is close %d” while %s's reply was: “no” and he said “yes” %s", name, i, name, sep)
		case 2:
			fmt.Fprintf(&b, "Alpha Beta Gamma Delta %s Epsilon Zeta Eta Theta, the Saudis state “%d” as she added %s", name, i, sep)
		case 3:
			fmt.Fprintf(&b, "With a vote for %s ruled out, %s himself said since Monday %d, before the end of May, “ok” %s", name, name, i, sep)
		default:
			fmt.Fprintf(&b, "%s: “a” “b” “c %d” -- %s, R-Ore., said, adding %s", name, i, name, sep)
		}
	}
	return b.String()
}

var speedPub = data.Time{Unix: 1684108800, Precision: data.PrecisionDay} // 2023-05-15

// timeOnce returns the time Suggest and Document take on text.
func timeOnce(text string) time.Duration {
	start := time.Now()
	a := FromText(text)
	Document(a, speedPub, "speed.txt", Suggest(a.Text, speedPub))
	return time.Since(start)
}

// timePair returns the least time of five runs on each of two texts, the
// runs interleaved, so that a burst of work elsewhere on a shared machine
// slows both alike or neither.
func timePair(small, big string) (time.Duration, time.Duration) {
	ts, tb := time.Duration(1<<62), time.Duration(1<<62)
	for range 5 {
		ts = min(ts, timeOnce(small))
		tb = min(tb, timeOnce(big))
	}
	return ts, tb
}

// TestSuggest_LinearTime: eight times the text takes about eight times as
// long (a quadratic step would take 64; the ceiling of 32 leaves room for
// caches and a busy shared machine), for texts dense with quotes or dates,
// with and without line breaks; and a megabyte stays within a ceiling far
// above the one-second target (so that a shared, busy machine or the race
// detector does not fail it, but a tenfold regression does).
func TestSuggest_LinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	gens := []struct {
		name string
		gen  func(int, bool) string
	}{{"quotes", quoteDense}, {"dates", dateDense}, {"stray marks", markDense}, {"far cues", labelDense}}
	for _, g := range gens {
		for _, oneLine := range []bool{false, true} {
			ts, tb := timePair(g.gen(16<<10, oneLine), g.gen(128<<10, oneLine))
			ratio := float64(tb) / float64(max(ts, time.Microsecond))
			t.Logf("%s (one line %v): 16 KiB %v, 128 KiB %v, ratio %.1f", g.name, oneLine, ts, tb, ratio)
			if ratio > 32 {
				t.Errorf("%s (one line %v): 8× the text took %.0f× the time: not linear", g.name, oneLine, ratio)
			}
		}
	}
	mb := quoteDense(600<<10, false) + dateDense(400<<10, false)
	d := min(timeOnce(mb), timeOnce(mb), timeOnce(mb))
	t.Logf("1 MB of quotes and dates: %v", d)
	if ceiling := 10 * time.Second * raceSlowdown; d > ceiling {
		t.Errorf("1 MB took %v, more than the ceiling of %v (target 1 s)", d, ceiling)
	}
}

// TestSuggest_GeneratedArticles: the generated texts give what they hold,
// so the speed tests measure real work.
func TestSuggest_GeneratedArticles(t *testing.T) {
	s := Suggest(quoteDense(4000, false), speedPub)
	named := 0
	for _, q := range s.Quotes {
		if q.Speaker != "" {
			named++
		}
	}
	if len(s.Quotes) < 40 || named < len(s.Quotes)*9/10 {
		t.Errorf("%d quotes, %d with a speaker", len(s.Quotes), named)
	}
	if d := Suggest(dateDense(4000, true), speedPub).Dates; len(d) < 60 {
		t.Errorf("%d dates in 4 kB of dates", len(d))
	}
}

func benchmarkSuggest(b *testing.B, text string) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a := FromText(text)
		Document(a, speedPub, "bench.txt", Suggest(a.Text, speedPub))
	}
}

func BenchmarkSuggest_Quotes50kB(b *testing.B) { benchmarkSuggest(b, quoteDense(50_000, false)) }
func BenchmarkSuggest_Quotes50kBOneLine(b *testing.B) {
	benchmarkSuggest(b, quoteDense(50_000, true))
}
func BenchmarkSuggest_Dates700kB(b *testing.B) { benchmarkSuggest(b, dateDense(700_000, false)) }
func BenchmarkSuggest_Dates700kBOneLine(b *testing.B) {
	benchmarkSuggest(b, dateDense(700_000, true))
}
func BenchmarkSuggest_1MB(b *testing.B) {
	benchmarkSuggest(b, quoteDense(600_000, false)+dateDense(400_000, false))
}
