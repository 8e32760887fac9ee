package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// The evaluation set: short articles written for this project in the
// manner of wire copy, national papers, broadcasters' sites and press
// releases (testdata/eval), each annotated with every quoted passage and
// its speaker and every date with its value. TestEvaluation scores the
// extractor on it and prints the figures BENCHMARKS.md records:
//
//	go test -run TestEvaluation -v ./data/extract
//
// The set was written while the extractor was tuned: it is not held out.

// evalArticle is one annotated article.
type evalArticle struct {
	name, style string
	pub         data.Time
	text        string
	quotes      []evalQuote
	dates       []evalDate
}

// evalQuote is a passage and its speaker: a name, "~description" for
// someone described and not named, or "-" for no one.
type evalQuote struct {
	text, speaker string
	start, end    int
}

// evalDate is a date expression and its value: "2016-10-10", "2016-10",
// "2016", or "FROM/TO" for a period.
type evalDate struct {
	expr, value string
	start, end  int
}

// readEvalArticle reads one file of the evaluation set.
func readEvalArticle(path string) (*evalArticle, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a := &evalArticle{name: strings.TrimSuffix(filepath.Base(path), ".txt")}
	head, rest, ok := strings.Cut(string(raw), "=== text\n")
	if !ok {
		return nil, fmt.Errorf("%s: no === text", path)
	}
	text, rest, ok := strings.Cut(rest, "=== quotes\n")
	if !ok {
		return nil, fmt.Errorf("%s: no === quotes", path)
	}
	quotes, dates, ok := strings.Cut(rest, "=== dates\n")
	if !ok {
		return nil, fmt.Errorf("%s: no === dates", path)
	}
	a.text = text
	for _, line := range strings.Split(head, "\n") {
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "published":
			if a.pub, err = data.ParseTime(v); err != nil {
				return nil, fmt.Errorf("%s: published: %w", path, err)
			}
		case "style":
			a.style = v
		}
	}
	// Each passage (and each date) is found in the text at or after the
	// one before.
	pairs := func(block string) [][2]string {
		var out [][2]string
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			if k, v, ok := strings.Cut(line, " | "); ok {
				out = append(out, [2]string{k, v})
			}
		}
		return out
	}
	pos := 0
	for _, kv := range pairs(quotes) {
		i := strings.Index(text[pos:], kv[0])
		if i < 0 {
			if i = strings.Index(text, kv[0]); i < 0 {
				return nil, fmt.Errorf("%s: passage %q not in the text", path, kv[0])
			}
		} else {
			i += pos
		}
		a.quotes = append(a.quotes, evalQuote{text: kv[0], speaker: kv[1], start: i, end: i + len(kv[0])})
		pos = i
	}
	pos = 0
	for _, kv := range pairs(dates) {
		i := strings.Index(text[pos:], kv[0])
		if i < 0 {
			return nil, fmt.Errorf("%s: date %q not in the text after offset %d", path, kv[0], pos)
		}
		i += pos
		a.dates = append(a.dates, evalDate{expr: kv[0], value: kv[1], start: i, end: i + len(kv[0])})
		pos = i + 1
	}
	return a, nil
}

// evalScore adds up what the extractor got right.
type evalScore struct {
	articles int
	// Passages of three words or more, as the reviewers count them, and
	// of any length.
	gold3, found3, ours3, right3 int
	gold, found, ours, right     int
	// Speakers: named ones right; described ones kept as described or
	// given to a named actor; none given to someone.
	named, namedRight             int
	described, describedKept      int
	describedNamed, noneGiven     int
	sure, sureRight, check        int
	datesGold, datesFound         int
	datesOurs, datesRight         int
	misses, wrongs, speakerErrors []string
}

func overlap(a, b, c, d int) int { return max(0, min(b, d)-max(a, c)) }

// normName makes names comparable: no leading "the", no case.
func normName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	return strings.ReplaceAll(s, "’", "'")
}

// sameSpeaker reports whether a suggested speaker is the person or body
// named: the same name, or a part of it that can only mean it (the
// surname alone, or the name with a title written into it), so that a
// result is not counted wrong for its form alone.
func sameSpeaker(ours, gold string) bool {
	o, g := normName(ours), normName(gold)
	if o == "" {
		return false
	}
	if o == g || strings.HasSuffix(o, " "+g) {
		return true
	}
	gf := strings.Fields(g)
	return !strings.Contains(o, " ") && len(gf) > 1 && o == gf[len(gf)-1]
}

// dateValue writes a suggested date as the evaluation set does.
func dateValue(d DateMention) string {
	if d.To.IsZero() {
		return d.From.String()
	}
	return d.From.String() + "/" + d.To.String()
}

// score runs the extractor on a and adds its results to s.
func (s *evalScore) score(a *evalArticle) {
	s.articles++
	art := FromText(a.text)
	sugg := Suggest(art.Text, a.pub)
	matched := make([]bool, len(sugg.Quotes))
	for _, g := range a.quotes {
		long := words(g.text) >= 3
		s.gold++
		if long {
			s.gold3++
		}
		m := -1
		for i, q := range sugg.Quotes {
			if 2*overlap(q.Start, q.End, g.start, g.end) >= g.end-g.start {
				m = i
				break
			}
		}
		if m < 0 {
			s.misses = append(s.misses, fmt.Sprintf("%s: missed %q", a.name, g.text))
			continue
		}
		matched[m] = true
		s.found++
		if long {
			s.found3++
		}
		q := sugg.Quotes[m]
		sure := q.Confidence == data.ConfidenceHigh
		switch {
		case g.speaker == "-":
			if q.Speaker != "" && q.SpeakerKind != data.KindUnnamed {
				s.noneGiven++
				s.speakerErrors = append(s.speakerErrors, fmt.Sprintf("%s: %q given to %q (%s), want no one", a.name, g.text, q.Speaker, q.Why))
			}
		case strings.HasPrefix(g.speaker, "~"):
			s.described++
			switch {
			case q.SpeakerKind == data.KindUnnamed || normName(q.Speaker) == normName(g.speaker[1:]):
				// Described, not named: a person or group of the kind
				// unnamed, or a body known by that description.
				s.describedKept++
			case q.Speaker != "":
				s.describedNamed++
				s.speakerErrors = append(s.speakerErrors, fmt.Sprintf("%s: %q given to %q (%s), want %s", a.name, g.text, q.Speaker, q.Why, g.speaker))
			}
		default:
			s.named++
			ok := sameSpeaker(q.Speaker, g.speaker)
			if ok {
				s.namedRight++
			} else {
				s.speakerErrors = append(s.speakerErrors, fmt.Sprintf("%s: %q given to %q [%s] (%s), want %q", a.name, g.text, q.Speaker, q.Confidence, q.Why, g.speaker))
			}
			if sure {
				s.sure++
				if ok {
					s.sureRight++
				}
			} else {
				s.check++
			}
		}
	}
	for i, q := range sugg.Quotes {
		s.ours++
		long := words(q.Text) >= 3
		if long {
			s.ours3++
		}
		if matched[i] {
			s.right++
			if long {
				s.right3++
			}
			continue
		}
		right := false
		for _, g := range a.quotes {
			if 2*overlap(q.Start, q.End, g.start, g.end) >= q.End-q.Start {
				right = true
			}
		}
		if right {
			s.right++
			if long {
				s.right3++
			}
		} else {
			s.wrongs = append(s.wrongs, fmt.Sprintf("%s: not a quotation: %q (%s)", a.name, q.Text, q.Speaker))
		}
	}
	dm := make([]bool, len(sugg.Dates))
	for _, g := range a.dates {
		s.datesGold++
		found := false
		for i, d := range sugg.Dates {
			if overlap(d.Start, d.End, g.start, g.end) > 0 {
				dm[i] = true
				if dateValue(d) == g.value {
					found = true
				}
			}
		}
		if found {
			s.datesFound++
		} else {
			s.misses = append(s.misses, fmt.Sprintf("%s: date %q = %s not found (%s)", a.name, g.expr, g.value, ourDatesAt(sugg.Dates, g)))
		}
	}
	for _, d := range sugg.Dates {
		s.datesOurs++
		right := false
		for _, g := range a.dates {
			if overlap(d.Start, d.End, g.start, g.end) > 0 && dateValue(d) == g.value {
				right = true
			}
		}
		if right {
			s.datesRight++
		} else {
			s.wrongs = append(s.wrongs, fmt.Sprintf("%s: date %q = %s is not right", a.name, d.Expression, dateValue(d)))
		}
	}
}

func ourDatesAt(ds []DateMention, g evalDate) string {
	var out []string
	for _, d := range ds {
		if overlap(d.Start, d.End, g.start, g.end) > 0 {
			out = append(out, fmt.Sprintf("%q = %s", d.Expression, dateValue(d)))
		}
	}
	if len(out) == 0 {
		return "nothing there"
	}
	return "got " + strings.Join(out, ", ")
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// report writes the figures.
func (s *evalScore) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles\n", s.articles)
	fmt.Fprintf(&b, "passages of 3+ words: precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)\n",
		pct(s.right3, s.ours3), s.right3, s.ours3, pct(s.found3, s.gold3), s.found3, s.gold3)
	fmt.Fprintf(&b, "passages of any length: precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)\n",
		pct(s.right, s.ours), s.right, s.ours, pct(s.found, s.gold), s.found, s.gold)
	fmt.Fprintf(&b, "named speakers: %.1f%% right (%d/%d); sure %d (%.1f%% right), to check %d\n",
		pct(s.namedRight, s.named), s.namedRight, s.named, s.sure, pct(s.sureRight, s.sure), s.check)
	fmt.Fprintf(&b, "described speakers: %d/%d kept as described, %d given to a named actor; quotes of no one given to someone: %d\n",
		s.describedKept, s.described, s.describedNamed, s.noneGiven)
	fmt.Fprintf(&b, "dates: found with the right value %.1f%% (%d/%d); suggested right %.1f%% (%d/%d)\n",
		pct(s.datesFound, s.datesGold), s.datesFound, s.datesGold, pct(s.datesRight, s.datesOurs), s.datesRight, s.datesOurs)
	return b.String()
}

// loadEvalSet reads every article of testdata/eval.
func loadEvalSet(t *testing.T) []*evalArticle {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "eval", "*.txt"))
	if err != nil || len(files) < 30 {
		t.Fatalf("%d articles in the evaluation set, %v", len(files), err)
	}
	sort.Strings(files)
	var out []*evalArticle
	for _, f := range files {
		a, err := readEvalArticle(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// TestEvaluation scores the extractor on the evaluation set, prints the
// figures and every miss, and fails below the targets, so that a
// change that makes things worse on this set is seen.
func TestEvaluation(t *testing.T) {
	var all evalScore
	byStyle := map[string]*evalScore{}
	for _, a := range loadEvalSet(t) {
		all.score(a)
		if byStyle[a.style] == nil {
			byStyle[a.style] = &evalScore{}
		}
		byStyle[a.style].score(a)
	}
	t.Logf("all:\n%s", all.report())
	styles := make([]string, 0, len(byStyle))
	for k := range byStyle {
		styles = append(styles, k)
	}
	sort.Strings(styles)
	for _, k := range styles {
		t.Logf("%s:\n%s", k, byStyle[k].report())
	}
	for _, m := range append(append(all.misses, all.wrongs...), all.speakerErrors...) {
		t.Log(m)
	}
	checks := []struct {
		what        string
		got, target float64
	}{
		{"passage precision (3+ words)", pct(all.right3, all.ours3), 97},
		{"passage recall (3+ words)", pct(all.found3, all.gold3), 99},
		{"named-speaker accuracy", pct(all.namedRight, all.named), 95},
		{"dates found with the right value", pct(all.datesFound, all.datesGold), 85},
		{"suggested dates right", pct(all.datesRight, all.datesOurs), 95},
	}
	for _, c := range checks {
		if c.got < c.target {
			t.Errorf("%s: %.1f%%, target %.0f%%", c.what, c.got, c.target)
		}
	}
	if all.describedNamed > 0 || all.noneGiven > 0 {
		t.Errorf("%d described speakers and %d quotes of no one were given to a named actor", all.describedNamed, all.noneGiven)
	}
}
