-- Schema version 5: a level-of-detail summary of the events, from which
-- the timeline draws its zoomed-out density charts before (or instead of)
-- reading every event.
--
-- Per lane and level, the time axis is cut into buckets of 2^level
-- seconds (bucket b covers [b * 2^level, (b + 1) * 2^level)), and each
-- bucket that has any counts holds: how many events start in it, how many
-- ranges start in it and how many ranges end in it (a range ends where the
-- timeline draws its end). The ranges present at a time are those begun
-- up to it less those ended before it. Levels are even, from the
-- document's finest (lod_state.level: at most some thousands of buckets in
-- all when the summary was built) up to 62.
CREATE TABLE lod (
	lane_id      INTEGER NOT NULL,
	level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62 AND level % 2 = 0),
	bucket       INTEGER NOT NULL,
	starts       INTEGER NOT NULL,
	range_starts INTEGER NOT NULL,
	range_ends   INTEGER NOT NULL,
	PRIMARY KEY (lane_id, level, bucket)
);

-- The summary's state, one row. built: the summary counted every event
-- when it was written (0 for a document written before it, which is then
-- built again). bulk: a bulk write (an import, gen) is under way that
-- builds the summary whole when it ends; the triggers log nothing
-- meanwhile. level: the finest level, chosen when the summary is built
-- (20, buckets of about 12 days, until then).
CREATE TABLE lod_state (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	built INTEGER NOT NULL,
	bulk  INTEGER NOT NULL,
	level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62 AND level % 2 = 0)
);
INSERT INTO lod_state (id, built, bulk, level) VALUES (1, NOT EXISTS (SELECT 1 FROM event), 0, 20);

-- The spans of the events changed since the summary was last brought up
-- to date: sign 1 for a span added, -1 for one taken away. The triggers
-- below write it, whatever program changes the events; Quoteline applies
-- it to the summary, and empties it, in the transaction of each of its own
-- writes, and reads it with the summary at open.
CREATE TABLE lod_change (
	seq             INTEGER PRIMARY KEY,
	sign            INTEGER NOT NULL,
	id              INTEGER NOT NULL,
	lane_id         INTEGER NOT NULL,
	start           INTEGER NOT NULL,
	start_precision INTEGER NOT NULL,
	start_ms        INTEGER NULL,
	"end"           INTEGER NULL,
	end_precision   INTEGER NULL,
	end_ms          INTEGER NULL,
	earliest_start  INTEGER NULL,
	latest_end      INTEGER NULL,
	start_uncertain INTEGER NOT NULL,
	end_uncertain   INTEGER NOT NULL,
	status          TEXT NOT NULL
);

CREATE TRIGGER lod_event_insert AFTER INSERT ON event
WHEN (SELECT bulk FROM lod_state) = 0
BEGIN
	INSERT INTO lod_change (sign, id, lane_id, start, start_precision, start_ms, "end", end_precision, end_ms,
		earliest_start, latest_end, start_uncertain, end_uncertain, status)
	VALUES (1, NEW.id, NEW.lane_id, NEW.start, NEW.start_precision, NEW.start_ms, NEW."end", NEW.end_precision, NEW.end_ms,
		NEW.earliest_start, NEW.latest_end, NEW.start_uncertain, NEW.end_uncertain, NEW.status);
END;

CREATE TRIGGER lod_event_delete AFTER DELETE ON event
WHEN (SELECT bulk FROM lod_state) = 0
BEGIN
	INSERT INTO lod_change (sign, id, lane_id, start, start_precision, start_ms, "end", end_precision, end_ms,
		earliest_start, latest_end, start_uncertain, end_uncertain, status)
	VALUES (-1, OLD.id, OLD.lane_id, OLD.start, OLD.start_precision, OLD.start_ms, OLD."end", OLD.end_precision, OLD.end_ms,
		OLD.earliest_start, OLD.latest_end, OLD.start_uncertain, OLD.end_uncertain, OLD.status);
END;

CREATE TRIGGER lod_event_update AFTER UPDATE OF lane_id, start, start_precision, start_ms, "end", end_precision, end_ms,
	earliest_start, latest_end ON event
WHEN (SELECT bulk FROM lod_state) = 0
BEGIN
	INSERT INTO lod_change (sign, id, lane_id, start, start_precision, start_ms, "end", end_precision, end_ms,
		earliest_start, latest_end, start_uncertain, end_uncertain, status)
	VALUES (-1, OLD.id, OLD.lane_id, OLD.start, OLD.start_precision, OLD.start_ms, OLD."end", OLD.end_precision, OLD.end_ms,
		OLD.earliest_start, OLD.latest_end, OLD.start_uncertain, OLD.end_uncertain, OLD.status),
	(1, NEW.id, NEW.lane_id, NEW.start, NEW.start_precision, NEW.start_ms, NEW."end", NEW.end_precision, NEW.end_ms,
		NEW.earliest_start, NEW.latest_end, NEW.start_uncertain, NEW.end_uncertain, NEW.status);
END;
