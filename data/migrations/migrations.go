// Package migrations holds the SQL scripts that build a Quoteline document's
// schema, one per schema version (NNNN_name.sql, from 0001), as files. The
// data package embeds and runs them; this package gives tests the same
// files, to build documents as older versions of Quoteline wrote them.
package migrations

import "embed"

// FS holds the scripts, NNNN_name.sql, at its root.
//
//go:embed *.sql
var FS embed.FS
