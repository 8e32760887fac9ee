// Package weblink decides which addresses Quoteline makes into links, in
// the window and in exports alike: http and https addresses with a host,
// and mailto addresses. Anything else a document holds (javascript:,
// data:, file: and the rest) is shown as plain text and never opened.
package weblink

import (
	"net/url"
	"strings"
	"unicode"
)

// MaxLength is the longest address made a link, in bytes: what browsers
// and mail programs take whole. A longer one is shown as text.
const MaxLength = 2048

// Link returns the address s as a URL if it may be a link: an http or
// https address with a host, or a mailto address, of at most MaxLength
// bytes, with nothing in it that
// could be mistaken for something else (spaces, control characters).
func Link(s string) (*url.URL, bool) {
	if len(s) > MaxLength {
		return nil, false
	}
	u, ok := parse(s)
	if !ok {
		return nil, false
	}
	switch u.Scheme {
	case "http", "https":
		return u, u.Host != "" && u.Opaque == ""
	case "mailto":
		return u, strings.Contains(u.Opaque, "@")
	}
	return nil, false
}

// Web returns the address s as a URL if it is an http or https address
// with a host: what a source's address must be.
func Web(s string) (*url.URL, bool) {
	u, ok := Link(s)
	if !ok || u.Scheme == "mailto" {
		return nil, false
	}
	return u, true
}

// parse parses s, with its scheme in lower case, refusing spaces, control
// characters and invisible format characters (such as a right-to-left
// override, which can make an address read as another) anywhere in it.
func parse(s string) (*url.URL, bool) {
	if s == "" || strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	}) >= 0 {
		return nil, false
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u, true
}
