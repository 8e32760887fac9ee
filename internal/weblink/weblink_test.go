package weblink

import (
	"strings"
	"testing"
)

func TestLinkAndWeb(t *testing.T) {
	tests := []struct {
		in        string
		link, web bool
	}{
		{"https://www.example.org/news/1", true, true},
		{"http://example.org", true, true},
		{"HTTPS://example.org/a?b=c", true, true},
		{"mailto:desk@example.org", true, false},
		{"MAILTO:desk@example.org?subject=Tip", true, false},
		{"mailto:", false, false},
		{"javascript:alert(1)", false, false},
		{"JavaScript:alert(1)", false, false},
		{" javascript:alert(1)", false, false},
		{"data:text/html;base64,PHNjcmlwdD4=", false, false},
		{"file:///etc/passwd", false, false},
		{"vbscript:msgbox", false, false},
		{"https:///no-host", false, false},
		{"https:example.org", false, false},
		{"https://example.org/a b", false, false},
		{"https://example.org/\nx", false, false},
		{"https://example.org/\u200bx", false, false},
		{"https://example.org/\u202egpj.exe", false, false},
		{"example.org", false, false},
		{"//example.org", false, false},
		{"", false, false},
		{"https://example.org/" + strings.Repeat("a", MaxLength-20), true, true},
		{"https://example.org/" + strings.Repeat("a", MaxLength-19), false, false},
	}
	for _, tt := range tests {
		if _, ok := Link(tt.in); ok != tt.link {
			t.Errorf("Link(%q) ok = %v, want %v", tt.in, ok, tt.link)
		}
		if _, ok := Web(tt.in); ok != tt.web {
			t.Errorf("Web(%q) ok = %v, want %v", tt.in, ok, tt.web)
		}
	}
}
