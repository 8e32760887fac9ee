-- Stops: saved views for presenting a timeline, in order. A stop keeps a
-- time window (seconds since the Unix epoch, UTC, view_end exclusive), the
-- lanes hidden in it, an optional selected event or quote, and a caption.

CREATE TABLE stop (
	id         INTEGER PRIMARY KEY,
	position   INTEGER NOT NULL,
	caption    TEXT NOT NULL DEFAULT '',
	view_start INTEGER NOT NULL,
	view_end   INTEGER NOT NULL,
	event_id   INTEGER NULL REFERENCES event (id) ON DELETE SET NULL,
	quote_id   INTEGER NULL REFERENCES quote (id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (view_end > view_start)
);
CREATE INDEX stop_position ON stop (position);
CREATE INDEX stop_event ON stop (event_id);
CREATE INDEX stop_quote ON stop (quote_id);

CREATE TABLE stop_hidden_lane (
	stop_id INTEGER NOT NULL REFERENCES stop (id) ON DELETE CASCADE,
	lane_id INTEGER NOT NULL REFERENCES lane (id) ON DELETE CASCADE,
	PRIMARY KEY (stop_id, lane_id)
);
CREATE INDEX stop_hidden_lane_lane ON stop_hidden_lane (lane_id);
