// Package locale makes a C or POSIX locale read as English before the
// toolkit looks at it.
//
// Servers, containers and CI machines often run with LANG=C.UTF-8. The
// locale library under Fyne reads that as the language "C", which is no
// language, and Fyne then logs "Error parsing user locale C" from its
// package initialisation, before main runs, on every command. The C and
// POSIX locales mean "no localisation", which for Quoteline is English, so
// this package says so through LANGUAGE, the variable gettext and that
// library consult first, unless the user has set it.
//
// It must be initialised before Fyne's lang package. Go initialises, at each
// step, the first package by import path whose imports are done; this one
// imports only os, and Fyne's lang package imports text/template, which
// sorts after this package's path and itself needs os, so this package's
// init always runs first. A test of the built binary guards it.
package locale

import "os"

func init() {
	if Neutral(os.Getenv) {
		os.Setenv("LANGUAGE", "en")
	}
}

// Neutral reports whether the environment read through getenv selects the C
// or POSIX locale with an encoding suffix (C.UTF-8, POSIX.utf8), the form
// the toolkit fails to parse, and leaves LANGUAGE unset. Plain C and POSIX
// are read correctly already.
func Neutral(getenv func(string) string) bool {
	if getenv("LANGUAGE") != "" {
		return false
	}
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		return hasPrefix(v, "C.") || hasPrefix(v, "POSIX.") || hasPrefix(v, "C@") || hasPrefix(v, "POSIX@")
	}
	return false
}

// hasPrefix is strings.HasPrefix, written out so that this package imports
// only os (see the package comment).
func hasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}
