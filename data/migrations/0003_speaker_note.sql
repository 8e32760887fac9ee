-- Quoteline document schema, version 3: how each quote's speaker was found,
-- and actors that a source describes without naming them.

-- speaker_note is the article import's explanation ("after the quote: “…,”
-- Pence said"); speaker_confidence how sure it was: 'high', 'check', or ''
-- for a speaker given by hand.
ALTER TABLE quote ADD COLUMN speaker_note TEXT NOT NULL DEFAULT '';
ALTER TABLE quote ADD COLUMN speaker_confidence TEXT NOT NULL DEFAULT ''
	CHECK (speaker_confidence IN ('', 'high', 'check'));

-- The actor kind 'unnamed' ("a Google spokesman", "U.S. officials"): SQLite
-- changes a CHECK constraint only by rebuilding the table. The migration
-- runs with foreign keys off (data.migrate), so the quotes and events that
-- refer to actors keep their ids and refer to the new table by its name.
CREATE TABLE actor_v3 (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL UNIQUE,
	kind        TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'state', 'unnamed')),
	description TEXT NOT NULL DEFAULT ''
);
INSERT INTO actor_v3 (id, name, kind, description) SELECT id, name, kind, description FROM actor;
DROP TABLE actor;
ALTER TABLE actor_v3 RENAME TO actor;
