package dialog

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
)

// ShowAbout says what Quoteline is, and its version.
func ShowAbout(win fyne.Window, version string) {
	msg := fmt.Sprintf("Quoteline %s\n\nA timeline in which every event leads back to the words behind it:\nwho said it, where, and when.", version)
	fynedialog.ShowInformation("About Quoteline", msg, win)
}

// ShowHelp lists the keys and what the mouse does.
func ShowHelp(win fyne.Window) {
	msg := strings.Join([]string{
		"Wheel or trackpad: zoom about the pointer",
		"Drag: pan; drag an event: move it in time or to another lane (Esc cancels)",
		"Drag the end of a bar: change when it starts or ends",
		"+ / −: zoom in / out",
		"← / →: pan",
		"Home / End: go to the first / last event",
		"F or 0: fit all events",
		"Click: select an event; Esc: clear the selection",
		"Double-click: zoom to an event",
		"Ctrl+Shift+O: show the selected event's quote in its source",
		"Ctrl+F: find; Ctrl+Shift+F: filter what is shown",
		"Click a highlighted quote in a source: mark the events it speaks about",
		"Drag across a source's text: select words for a new quote",
		"F5: present the stops (Page Down / Space: next, Page Up: back, B: blank, Esc: leave)",
	}, "\n")
	fynedialog.ShowInformation("Keyboard and Mouse", msg, win)
}
