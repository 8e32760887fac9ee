package extract

import "github.com/quoteline/quoteline/data"

// Quote is a quoted passage suggested from an article, with who spoke it,
// how that was found and how sure it is.
type Quote struct {
	Text       string // exactly Text[Start:End] of the article
	Start, End int    // byte offsets into the article text
	// Full is true for a quoted sentence or passage, false for a quoted
	// word or phrase inside the reporter's own sentence.
	Full bool
	// Speaker is who said it: a person's full name, an organisation's or
	// state's name, or the description of someone not named ("a Google
	// spokesman"); "" if not found. SpeakerKind is data.KindPerson,
	// KindOrganisation, KindState or KindUnnamed ("" with no speaker);
	// SpeakerTitle is a title or description written with the name.
	Speaker, SpeakerKind, SpeakerTitle string
	// Attribution says how the speaker was found: "named" (next to the
	// quote), "pronoun" (a "he said" resolved to a person named before),
	// "description" (a description, resolved or not), "continued" (the
	// passage goes on from another), "nearby" (no attribution: the
	// nearest speaker) or "" (none).
	Attribution string
	// Why explains it for a person: "after the quote: “…,” Pence said",
	// "…; she → Jennifer Palmieri, the last woman named".
	Why string
	// Confidence is data.ConfidenceHigh when the speaker is named beside
	// the quote or otherwise unambiguous, data.ConfidenceCheck when it was
	// worked out from context or not found: the ones a review shows first.
	Confidence data.Confidence
}
