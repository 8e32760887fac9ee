// Package data is the Quoteline document store.
//
// A document is one SQLite file (extension .quoteline) holding lanes,
// actors, sources, quotes and the events they support. Documents come from
// anywhere and are untrusted: Open checks that a file is a Quoteline
// document of a version it understands, and intact, before it writes
// anything, and every connection runs with trusted_schema=OFF. Every write
// is one transaction, and the full-text indexes are kept in step with the
// tables by this package rather than by triggers. The only triggers are
// those that log changes to the events for their level-of-detail summary
// (see LOD), which any program writing the file runs.
//
// Times are seconds since the Unix epoch in UTC with a Precision (see Time).
// The package also reads the JSON interchange format (see Document) in which
// the default timeline is shipped.
package data
