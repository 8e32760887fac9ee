package extract

import (
	"fmt"

	"github.com/quoteline/quoteline/data"
)

// ParseConfidence reads the least confidence a command line asks of the
// quotes it keeps: "high" keeps only quotes whose speaker is sure, "check"
// (or "") keeps every quote.
func ParseConfidence(s string) (data.Confidence, error) {
	switch data.Confidence(s) {
	case data.ConfidenceHigh:
		return data.ConfidenceHigh, nil
	case data.ConfidenceCheck, "":
		return data.ConfidenceCheck, nil
	}
	return "", fmt.Errorf("%q is not a confidence: give high (only quotes whose speaker is sure) or check (all quotes)", s)
}

// AtLeast returns the suggestions with only the quotes whose speaker's
// confidence is at least least: with data.ConfidenceHigh, the quotes to
// check are left out; otherwise all are kept. Dates are kept.
func (s Suggestions) AtLeast(least data.Confidence) Suggestions {
	if least != data.ConfidenceHigh {
		return s
	}
	out := s
	out.Quotes = nil
	for _, q := range s.Quotes {
		if q.Confidence == data.ConfidenceHigh {
			out.Quotes = append(out.Quotes, q)
		}
	}
	return out
}

// Summary says how many quotes were suggested and how many of their
// speakers are sure and to be checked: "14 quotes, 11 sure, 3 to check".
func (s Suggestions) Summary() string {
	sure := 0
	for _, q := range s.Quotes {
		if q.Confidence == data.ConfidenceHigh {
			sure++
		}
	}
	noun := "quotes"
	if len(s.Quotes) == 1 {
		noun = "quote"
	}
	return fmt.Sprintf("%d %s, %d sure, %d to check", len(s.Quotes), noun, sure, len(s.Quotes)-sure)
}
