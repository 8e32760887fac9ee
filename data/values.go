package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// firstDatedUnix is the first second of FirstDatedYear: a time before it
// is known to the year at most.
var firstDatedUnix = time.Date(FirstDatedYear, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()

// A valueRule is a condition every row of a table must meet, beyond what
// SQLite's own integrity check verifies: SQLite stores a text in a column
// declared INTEGER, and a document written by another program may break
// the CHECK constraints of the schema (written with
// ignore_check_constraints), which its quick check does not look at.
type valueRule struct {
	table  string
	column string // the column the message names
	// bad is an SQL condition true for a row that breaks the rule. Where
	// the column is NULL it is NULL, which counts as false: whether a
	// column may be NULL is SQLite's own check's concern.
	bad string
	// want says what the column should hold, for the message: "a whole
	// number", "one of 1 to 5 (year to second)".
	want string
	// tooLarge is set for a value too long to read at all: ErrTooLarge
	// rather than ErrCorrupt.
	tooLarge bool
}

// valueRules are the rules of the columns whose values Quoteline gives a
// meaning beyond their type: precisions, times, statuses, stances, kinds,
// colours and flags, and the rules between columns. Every column is also
// held to its declared type and to MaxValueBytes (see typeRules), so
// columns that later migrations add are checked for their type as they
// come.
func valueRules() []valueRule {
	precision := func(table, col string) valueRule {
		return valueRule{table, col, fmt.Sprintf("%s NOT BETWEEN 1 AND 5", col), "one of 1 to 5 (a year to a second)", false}
	}
	// A time lies in the years a document may hold, from firstUnix to
	// lastUnix, so that it writes out as text that reads back the same.
	when := func(table, col string) valueRule {
		return valueRule{table, col, fmt.Sprintf("%s NOT BETWEEN %d AND %d", col, firstUnix, lastUnix),
			fmt.Sprintf("a time in the years %s to %s", YearText(FirstYear), YearText(LastYear)), false}
	}
	// A time before FirstDatedYear is known to the year at most.
	deep := func(table, col, prec string) valueRule {
		return valueRule{table, prec, fmt.Sprintf("%s < %d AND %s > 1", col, firstDatedUnix, prec),
			fmt.Sprintf("1 (a year) for a time before %s", YearText(FirstDatedYear)), false}
	}
	// Milliseconds, 0 to 999, are kept only for a time known to the second.
	milli := func(table, col, prec string) []valueRule {
		return []valueRule{
			{table, col, fmt.Sprintf("%s NOT BETWEEN 0 AND 999", col), "a millisecond, 0 to 999", false},
			{table, col, fmt.Sprintf("%s IS NOT NULL AND %s IS NOT 5", col, prec), "nothing (NULL) for a time not known to the second", false},
		}
	}
	oneOf := func(table, col string, values ...string) valueRule {
		quoted := make([]string, len(values))
		for i, v := range values {
			quoted[i] = "'" + v + "'"
		}
		return valueRule{table, col, fmt.Sprintf("%s NOT IN (%s)", col, strings.Join(quoted, ", ")),
			"one of " + strings.Join(values, ", "), false}
	}
	flag := func(table, col string) valueRule {
		return valueRule{table, col, fmt.Sprintf("%s NOT IN (0, 1)", col), "0 or 1", false}
	}
	both := func(table, a, b string) valueRule {
		return valueRule{table, a, fmt.Sprintf("(%s IS NULL) <> (%s IS NULL)", a, b), "a value exactly when " + b + " has one", false}
	}
	stances := []string{string(StanceSupports), string(StanceDisputes)}
	rules := []valueRule{
		{"lane", "color", "NOT (length(color) = 7 AND color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]')", "a colour written #RRGGBB", false},
		flag("lane", "collapsed"),
		oneOf("actor", "kind", KindPerson, KindOrganisation, KindState, KindUnnamed),
		oneOf("quote", "speaker_confidence", "", string(ConfidenceHigh), string(ConfidenceCheck)),
		when("source", "published_at"), precision("source", "published_precision"), both("source", "published_at", "published_precision"),
		when("quote", "said_at"), precision("quote", "said_precision"), both("quote", "start_byte", "end_byte"),
		{"quote", "start_byte", "start_byte < 0 OR end_byte < start_byte", "offsets that run forwards from 0", false},
		when("event", "start"), precision("event", "start_precision"),
		when("event", `"end"`), precision("event", "end_precision"), both("event", `"end"`, "end_precision"),
		{"event", `"end"`, `"end" < start`, "a time no earlier than its start", false},
		when("event", "earliest_start"), when("event", "latest_end"),
		flag("event", "start_uncertain"), flag("event", "end_uncertain"),
		oneOf("event", "status", string(StatusReported), string(StatusConfirmed), string(StatusDisputed), string(StatusExpected)),
		when("event", "derived_said_at"), precision("event", "derived_said_precision"), both("event", "derived_said_at", "derived_said_precision"),
		oneOf("event_quote", "stance", stances...),
		oneOf("event_source", "stance", stances...),
		when("stop", "view_start"), when("stop", "view_end"),
		{"stop", "view_end", "view_end <= view_start", "a time after its view_start", false},
		when("period", "start"), precision("period", "start_precision"), deep("period", "start", "start_precision"),
		when("period", `"end"`), precision("period", "end_precision"), deep("period", `"end"`, "end_precision"),
		{"period", `"end"`, `"end" < start`, "a time no earlier than its start", false},
		deep("event", "start", "start_precision"), deep("event", `"end"`, "end_precision"),
		deep("event", "derived_said_at", "derived_said_precision"),
		deep("quote", "said_at", "said_precision"), deep("source", "published_at", "published_precision"),
	}
	rules = append(rules, milli("event", "start_ms", "start_precision")...)
	rules = append(rules, milli("event", "end_ms", "end_precision")...)
	rules = append(rules, milli("period", "start_ms", "start_precision")...)
	return append(rules, milli("period", "end_ms", "end_precision")...)
}

// typeRules are the rules of the columns of table, given as
// pragma_table_info lists them: each holds values of its declared type
// (an integer in an INTEGER column, a text in a TEXT one, or NULL where
// the schema allows it), and no text longer than MaxValueBytes, which no
// connection can read. The conditions are written as comparisons rather
// than with typeof(), which costs twice as much at a million rows:
// numbers sort before texts and texts before blobs, and only an integer
// equals itself made an integer. The length is read from the record's
// header, without reading the text (octet_length).
func typeRules(table string, cols []columnInfo) []valueRule {
	keys := 0
	for _, c := range cols {
		if c.pk > 0 {
			keys++
		}
	}
	var rules []valueRule
	for _, c := range cols {
		q := quoteIdent(c.name)
		switch strings.ToUpper(c.typ) {
		case "INTEGER":
			if c.pk == 1 && keys == 1 {
				continue // the rowid itself: always an integer
			}
			rules = append(rules, valueRule{table, q, fmt.Sprintf("CAST(%s AS INTEGER) <> %s", q, q), "a whole number", false})
		case "TEXT":
			// The length first: comparing a text longer than the limit
			// would read it, which fails.
			rules = append(rules, valueRule{table, q, fmt.Sprintf("octet_length(%s) > %d", q, MaxValueBytes), "texts of up to " + FormatBytes(MaxValueBytes), true},
				valueRule{table, q, fmt.Sprintf("%s < '' OR %s >= x''", q, q), "a text", false})
		}
	}
	return rules
}

// columnInfo is a column of a table as pragma_table_info lists it.
type columnInfo struct {
	name, typ string
	pk        int // its place in the primary key, from 1; 0 if not in it
}

// errBadValue is the finding of checkValues: a row whose value breaks a
// rule, as opposed to an error reading the document.
type errBadValue struct{ err error }

func (e *errBadValue) Error() string { return e.err.Error() }
func (e *errBadValue) Unwrap() error { return e.err }

// checkValues checks every row of every table of the document's own
// (not the full-text index's) against typeRules and valueRules, one scan
// of each table, and returns an *errBadValue naming the first row that
// breaks a rule, the column and what it holds.
func checkValues(ctx context.Context, db *sql.DB) error {
	tables, err := ownTables(ctx, db)
	if err != nil {
		return corruptOr(err)
	}
	for _, table := range tables {
		cols, rules, err := tableRules(ctx, db, table)
		if err != nil {
			return err
		}
		if err := checkTable(ctx, db, table, cols, rules, ""); err != nil {
			return err
		}
	}
	return nil
}

// tableRules returns the columns of table and the rules its rows must
// meet: typeRules and the valueRules of its columns.
func tableRules(ctx context.Context, db *sql.DB, table string) ([]columnInfo, []valueRule, error) {
	cols, err := tableColumns(ctx, db, table)
	if err != nil {
		return nil, nil, corruptOr(err)
	}
	var own []valueRule
	for _, r := range valueRules() {
		if r.table == table {
			own = append(own, r)
		}
	}
	return cols, append(typeRules(table, cols), ofColumns(own, cols)...), nil
}

// checkRows checks the rows of table whose rowids are ids against its
// rules (see checkValues), and returns the error of the first that breaks
// one, naming it: how a read of a document not checked whole checks the
// rows it returns.
func checkRows(ctx context.Context, db *sql.DB, table string, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	cols, rules, err := tableRules(ctx, db, table)
	if err != nil {
		return err
	}
	err = inBatches(ids, func(in string, args []any) error {
		return checkTable(ctx, db, table, cols, rules, `rowid IN `+in, args...)
	})
	var bad *errBadValue
	if errors.As(err, &bad) {
		return bad.err
	}
	return err
}

// verifyRows checks the rows of table with rowids ids, as the full check
// would, if s's document has not been checked whole: what a read calls on
// the rows it is about to return.
func (s *Store) verifyRows(ctx context.Context, table string, ids []int64) error {
	if !s.unverified.Load() {
		return nil
	}
	return checkRows(ctx, s.db, table, ids)
}

// VerifyRows checks every row of the document's tables, their values and
// their references, as the full check does but without SQLite's check of
// every page (a damaged page the rows lie on is found all the same), if
// s's document has not been checked whole (see OpenReadOnly); else it does
// nothing. An export, which reads every row, calls it first, so that it
// refuses a bad value naming its row rather than writing it out.
func (s *Store) VerifyRows(ctx context.Context) error {
	if !s.unverified.Load() {
		return nil
	}
	err := checkValues(ctx, s.db)
	if err == nil {
		err = checkContent(ctx, s.db)
	}
	var bad *errBadValue
	if errors.As(err, &bad) {
		err = bad.err
	}
	if err != nil {
		return fmt.Errorf("read %q: %w", s.path, corruptOr(err))
	}
	return nil
}

// ofColumns returns the rules of rules whose column is one of cols: a
// document of an older schema version lacks the columns later versions
// added, and their rules.
func ofColumns(rules []valueRule, cols []columnInfo) []valueRule {
	var kept []valueRule
	for _, r := range rules {
		if slices.ContainsFunc(cols, func(c columnInfo) bool { return c.name == strings.Trim(r.column, `"`) }) {
			kept = append(kept, r)
		}
	}
	return kept
}

// ownTables lists the document's tables but SQLite's and the full-text
// index's.
func ownTables(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_schema s WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND sql LIKE 'CREATE TABLE%'
		AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND s.name LIKE v.name || '\_%' ESCAPE '\')
		ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}

// tableColumns lists the columns of table.
func tableColumns(ctx context.Context, db *sql.DB, table string) ([]columnInfo, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type, pk FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var cols []columnInfo
	for rows.Next() {
		var c columnInfo
		if err := rows.Scan(&c.name, &c.typ, &c.pk); err != nil {
			return nil, err
		}
		cols = append(cols, c)
	}
	return cols, rows.Err()
}

// checkTable scans table, or its rows for which the SQL condition within
// holds with args if within is not "", for the first row that breaks one
// of rules.
func checkTable(ctx context.Context, db *sql.DB, table string, cols []columnInfo, rules []valueRule, within string, args ...any) error {
	if len(rules) == 0 {
		return nil
	}
	var which, where strings.Builder
	which.WriteString("CASE")
	for i, r := range rules {
		fmt.Fprintf(&which, " WHEN %s THEN %d", r.bad, i)
		if i > 0 {
			where.WriteString(" OR ")
		}
		where.WriteString("(" + r.bad + ")")
	}
	which.WriteString(" END")
	cond := "(" + where.String() + ")"
	if within != "" {
		cond = within + " AND " + cond
	}
	var rowid int64
	var broken int
	err := db.QueryRowContext(ctx, `SELECT rowid, `+which.String()+` FROM `+quoteIdent(table)+` WHERE `+cond+` LIMIT 1`, args...).Scan(&rowid, &broken)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return corruptOr(err)
	}
	r := rules[broken]
	name, err := rowName(ctx, db, table, cols, rowid)
	if err != nil {
		return corruptOr(err)
	}
	var typ string
	var size int64
	var shown sql.NullString
	c := r.column
	err = db.QueryRowContext(ctx, `SELECT typeof(`+c+`), coalesce(octet_length(`+c+`), 0), CASE
		WHEN typeof(`+c+`) IN ('integer', 'real') THEN CAST(`+c+` AS TEXT)
		WHEN typeof(`+c+`) = 'text' AND octet_length(`+c+`) <= 200 THEN `+c+` END
		FROM `+quoteIdent(table)+` WHERE rowid = ?`, rowid).Scan(&typ, &size, &shown)
	if err != nil {
		return corruptOr(err)
	}
	col := strings.Trim(r.column, `"`)
	sentinel := ErrCorrupt
	if r.tooLarge {
		sentinel = ErrTooLarge
	}
	return &errBadValue{fmt.Errorf("%w: %s: its %s holds %s, where Quoteline keeps %s", sentinel, name, col, describeValue(typ, size, shown), r.want)}
}

// rowName names the row of table whose rowid is rowid: "event 12", or by
// its key, "event_quote (event_id 3, quote_id 7)".
func rowName(ctx context.Context, db *sql.DB, table string, cols []columnInfo, rowid int64) (string, error) {
	var keys []string
	for _, c := range cols {
		if c.pk > 0 {
			keys = append(keys, c.name)
		}
	}
	if len(keys) == 1 && keys[0] == "id" {
		return table + " " + strconv.FormatInt(rowid, 10), nil
	}
	if len(keys) == 0 {
		return fmt.Sprintf("%s row %d", table, rowid), nil
	}
	exprs := make([]string, len(keys))
	for i, k := range keys {
		q := quoteIdent(k)
		exprs[i] = fmt.Sprintf("%s || ' ' || quote(CASE WHEN typeof(%s) = 'text' THEN substr(%s, 1, 40) ELSE %s END)", quoteLiteral(k), q, q, q)
	}
	var key string
	err := db.QueryRowContext(ctx, `SELECT `+strings.Join(exprs, " || ', ' || ")+` FROM `+quoteIdent(table)+` WHERE rowid = ?`, rowid).Scan(&key)
	return table + " (" + key + ")", err
}

// describeValue writes a value of SQLite type typ and size bytes for a
// message: shown is the number, or the text if it is short.
func describeValue(typ string, size int64, shown sql.NullString) string {
	switch {
	case typ == "null":
		return "nothing (NULL)"
	case typ == "integer":
		return shown.String
	case typ == "real":
		return "the fraction " + shown.String
	case typ == "text" && shown.Valid:
		return "the text " + strconv.Quote(shown.String)
	}
	return fmt.Sprintf("a %s of %s", typ, FormatBytes(size))
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// quoteLiteral quotes an SQL string literal.
func quoteLiteral(s string) string { return `'` + strings.ReplaceAll(s, `'`, `''`) + `'` }
