-- Schema version 4: times known to the millisecond, and periods.
--
-- A time known to the millisecond keeps precision 5 (second), the finest
-- the checks of version 1 allow (SQLite cannot change a column's check in
-- place), with its milliseconds in a column of its own; that column is
-- NULL for every other time.

ALTER TABLE event ADD COLUMN start_ms INTEGER NULL CHECK (start_ms IS NULL OR (start_ms BETWEEN 0 AND 999 AND start_precision = 5));
ALTER TABLE event ADD COLUMN end_ms INTEGER NULL CHECK (end_ms IS NULL OR (end_ms BETWEEN 0 AND 999 AND end_precision = 5));

-- The covering index the timeline reads every event's span through, with
-- the milliseconds.
DROP INDEX event_span;
CREATE INDEX event_span ON event (start, end, lane_id, id, start_precision, end_precision,
	earliest_start, latest_end, start_uncertain, end_uncertain, status, start_ms, end_ms);

-- Periods: named stretches of time drawn as shaded bands behind the lanes
-- (TimelineJS eras, vis background items). A period with a lane is drawn
-- behind that lane only; one without, behind them all. Its end is the last
-- period of time it covers, at its precision, as an event's end is.
CREATE TABLE period (
	id              INTEGER PRIMARY KEY,
	title           TEXT NOT NULL,
	summary         TEXT NOT NULL DEFAULT '',
	lane_id         INTEGER NULL REFERENCES lane (id) ON DELETE CASCADE,
	start           INTEGER NOT NULL,
	start_precision INTEGER NOT NULL CHECK (start_precision BETWEEN 1 AND 5),
	start_ms        INTEGER NULL CHECK (start_ms IS NULL OR (start_ms BETWEEN 0 AND 999 AND start_precision = 5)),
	"end"           INTEGER NOT NULL,
	end_precision   INTEGER NOT NULL CHECK (end_precision BETWEEN 1 AND 5),
	end_ms          INTEGER NULL CHECK (end_ms IS NULL OR (end_ms BETWEEN 0 AND 999 AND end_precision = 5)),
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL,
	CHECK ("end" >= start)
);
CREATE INDEX period_lane ON period (lane_id);
