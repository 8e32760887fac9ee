package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// claimField shows an event's claim status and, once they are counted, how
// many sources support and dispute it.
func claimField(status data.ClaimStatus, claims *data.Claims) fyne.CanvasObject {
	st := wrapped(statusText(status))
	switch status {
	case data.StatusDisputed:
		st.Importance = widget.DangerImportance
	case data.StatusExpected:
		st.Importance = widget.WarningImportance
	case data.StatusConfirmed:
		st.Importance = widget.SuccessImportance
	}
	value := []fyne.CanvasObject{st}
	if claims != nil {
		value = append(value, wrapped(claimCounts(*claims)))
	}
	return container.New(layout.NewFormLayout(), boldLabel("Claim"), container.NewVBox(value...))
}

// claimCounts is "2 sources support it · 1 disputes it".
func claimCounts(c data.Claims) string {
	support := "No source supports it"
	switch c.Supporting {
	case 0:
	case 1:
		support = "1 source supports it"
	default:
		support = fmt.Sprintf("%d sources support it", c.Supporting)
	}
	dispute := "none disputes it"
	switch c.Disputing {
	case 0:
	case 1:
		dispute = "1 disputes it"
	default:
		dispute = fmt.Sprintf("%d dispute it", c.Disputing)
	}
	return support + " · " + dispute
}

// provenanceText says how an event's date was worked out from words:
// "Aug 2022 — from “since August”, said 15 May 2023". For a range it names
// both ends; for an expected event the words are a forecast.
func provenanceText(ev *data.Event) string {
	dv := ev.Derivation
	if dv == nil {
		return ""
	}
	result := dateRangeOf(ev.Start, ev.End, false, false)
	var b strings.Builder
	b.WriteString(result)
	b.WriteString(" — from “" + dv.Expression + "”")
	if !dv.SaidAt.IsZero() {
		b.WriteString(", said " + dv.SaidAt.Display())
	}
	if ev.Status == data.StatusExpected {
		b.WriteString(" (a forecast: not yet a fact when said)")
	}
	return b.String()
}
