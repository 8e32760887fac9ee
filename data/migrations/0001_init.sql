-- Quoteline document schema, version 1.
-- Times are seconds since the Unix epoch (UTC); precisions are
-- 1 year, 2 month, 3 day, 4 minute, 5 second.
-- There are no triggers: documents are untrusted and opened with
-- trusted_schema=OFF, so the full-text tables are kept in sync by the
-- application inside the same transaction as each write.

PRAGMA application_id = 1364479054; -- 0x51544C4E, "QTLN"

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE lane (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE,
	position  INTEGER NOT NULL,
	color     TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]'),
	collapsed INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1))
);

CREATE TABLE actor (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	kind        TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'state')),
	description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE source (
	id                  INTEGER PRIMARY KEY,
	title               TEXT NOT NULL,
	outlet              TEXT NOT NULL DEFAULT '',
	url                 TEXT NOT NULL DEFAULT '',
	published_at        INTEGER NULL,
	published_precision INTEGER NULL CHECK (published_precision BETWEEN 1 AND 5),
	date_note           TEXT NOT NULL DEFAULT '', -- how the date is known
	summary             TEXT NOT NULL DEFAULT '', -- our own one-liner
	text                TEXT NULL,                -- full text, UTF-8
	text_sha256         TEXT NULL,                -- hex SHA-256 of text as stored when added
	created_at          INTEGER NOT NULL,
	updated_at          INTEGER NOT NULL,
	CHECK ((published_at IS NULL) = (published_precision IS NULL))
);

CREATE TABLE quote (
	id             INTEGER PRIMARY KEY,
	text           TEXT NOT NULL,
	speaker_id     INTEGER NULL REFERENCES actor (id),
	said_at        INTEGER NOT NULL,
	said_precision INTEGER NOT NULL CHECK (said_precision BETWEEN 1 AND 5),
	source_id      INTEGER NOT NULL REFERENCES source (id),
	start_byte     INTEGER NULL, -- byte offsets into source.text, half-open [start, end)
	end_byte       INTEGER NULL,
	created_at     INTEGER NOT NULL,
	updated_at     INTEGER NOT NULL,
	CHECK ((start_byte IS NULL) = (end_byte IS NULL)),
	CHECK (start_byte >= 0 AND end_byte >= start_byte)
);

CREATE INDEX quote_speaker ON quote (speaker_id);
CREATE INDEX quote_source ON quote (source_id);

CREATE TABLE event (
	id                     INTEGER PRIMARY KEY,
	lane_id                INTEGER NOT NULL REFERENCES lane (id),
	title                  TEXT NOT NULL,
	summary                TEXT NOT NULL DEFAULT '',
	start                  INTEGER NOT NULL,
	start_precision        INTEGER NOT NULL CHECK (start_precision BETWEEN 1 AND 5),
	end                    INTEGER NULL,
	end_precision          INTEGER NULL CHECK (end_precision BETWEEN 1 AND 5),
	earliest_start         INTEGER NULL,
	latest_end             INTEGER NULL,
	start_uncertain        INTEGER NOT NULL DEFAULT 0 CHECK (start_uncertain IN (0, 1)),
	end_uncertain          INTEGER NOT NULL DEFAULT 0 CHECK (end_uncertain IN (0, 1)),
	status                 TEXT NOT NULL CHECK (status IN ('reported', 'confirmed', 'disputed', 'expected')),
	date_note              TEXT NOT NULL DEFAULT '',
	derived_expression     TEXT NULL, -- e.g. 'since August'
	derived_quote_id       INTEGER NULL REFERENCES quote (id) ON DELETE SET NULL,
	derived_said_at        INTEGER NULL,
	derived_said_precision INTEGER NULL CHECK (derived_said_precision BETWEEN 1 AND 5),
	created_at             INTEGER NOT NULL,
	updated_at             INTEGER NOT NULL,
	CHECK (end IS NULL OR end >= start),
	CHECK ((end IS NULL) = (end_precision IS NULL)),
	CHECK ((derived_said_at IS NULL) = (derived_said_precision IS NULL))
);

-- Covering index for reading every event's span (data.Spans) sorted by
-- start: the timeline reads it whole when a document opens.
CREATE INDEX event_span ON event (start, end, lane_id, id, start_precision, end_precision,
	earliest_start, latest_end, start_uncertain, end_uncertain, status);
CREATE INDEX event_lane ON event (lane_id);
CREATE INDEX event_derived_quote ON event (derived_quote_id);

CREATE TABLE event_quote (
	event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
	quote_id INTEGER NOT NULL REFERENCES quote (id) ON DELETE CASCADE,
	stance   TEXT NOT NULL CHECK (stance IN ('supports', 'disputes')),
	PRIMARY KEY (event_id, quote_id)
);
CREATE INDEX event_quote_quote ON event_quote (quote_id);

CREATE TABLE event_source (
	event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
	source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE CASCADE,
	stance    TEXT NOT NULL CHECK (stance IN ('supports', 'disputes')),
	PRIMARY KEY (event_id, source_id)
);
CREATE INDEX event_source_source ON event_source (source_id);

CREATE TABLE event_actor (
	event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
	actor_id INTEGER NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
	PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX event_actor_actor ON event_actor (actor_id);

CREATE TABLE tag (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);

CREATE TABLE event_tag (
	event_id INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
	tag_id   INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
	PRIMARY KEY (event_id, tag_id)
);
CREATE INDEX event_tag_tag ON event_tag (tag_id);

-- Full-text indexes; docid is the id of the indexed row.
CREATE VIRTUAL TABLE event_fts USING fts4 (title, summary, tokenize=unicode61);
CREATE VIRTUAL TABLE quote_fts USING fts4 (text, tokenize=unicode61);
CREATE VIRTUAL TABLE source_fts USING fts4 (title, text, tokenize=unicode61);
