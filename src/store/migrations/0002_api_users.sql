-- Version 2: the people who may write through the HTTP API, and analyst-added events in the
-- audit trail.

-- A token is shown once when it is created; only its SHA-256 is kept (tokens are 256 random
-- bits, so a fast hash is enough: nothing to brute-force).
CREATE TABLE api_users (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  role       text NOT NULL CHECK (role IN ('analyst', 'admin')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- 'add': an event a reader found that the machine missed (its `before` is JSON null).
ALTER TABLE reviews DROP CONSTRAINT reviews_action_check;
ALTER TABLE reviews ADD CONSTRAINT reviews_action_check CHECK (action IN ('confirm', 'correct', 'reject', 'add'));


-- Event lists are ordered by (COALESCE(date_start, 'infinity'), id) for keyset paging: with an
-- index on exactly that, a page of 100 is read in order instead of sorting every match.
CREATE INDEX events_order_idx ON events ((COALESCE(date_start, 'infinity'::date)), id);
-- The same within a country, the filter used most (a small country's first page otherwise reads
-- through every other country's events).
CREATE INDEX events_country_order_idx ON events (iso3, (COALESCE(date_start, 'infinity'::date)), id);

-- Daily counts per place, type and review status, kept by statement triggers (one upsert per
-- statement, not per row): /api/series reads these instead of aggregating every event, which
-- at a million events is the difference between a second and a few milliseconds. Filters the
-- rollup cannot answer (actor, bounding box, text, fatalities) still aggregate the events.
CREATE TABLE event_days (
  day        date NOT NULL,
  iso3       text NOT NULL,
  admin1     text NOT NULL,
  type       text NOT NULL,
  sub_type   text NOT NULL,
  status     text NOT NULL,
  events     integer NOT NULL,
  fatalities bigint NOT NULL,
  injuries   bigint NOT NULL,
  PRIMARY KEY (day, iso3, admin1, type, sub_type, status)
);

CREATE FUNCTION event_days_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Keys in a fixed order: concurrent writers lock rollup rows in the same order, never a deadlock.
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO event_days AS d (day, iso3, admin1, type, sub_type, status, events, fatalities, injuries)
    SELECT date_start, COALESCE(iso3, ''), COALESCE(admin1, ''), type, sub_type, status, -count(*), -COALESCE(sum(fatalities_best), 0), -COALESCE(sum(injuries_best), 0)
    FROM old_rows WHERE date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, iso3, admin1, type, sub_type, status) DO UPDATE
      SET events = d.events + EXCLUDED.events, fatalities = d.fatalities + EXCLUDED.fatalities, injuries = d.injuries + EXCLUDED.injuries;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO event_days AS d (day, iso3, admin1, type, sub_type, status, events, fatalities, injuries)
    SELECT date_start, COALESCE(iso3, ''), COALESCE(admin1, ''), type, sub_type, status, count(*), COALESCE(sum(fatalities_best), 0), COALESCE(sum(injuries_best), 0)
    FROM new_rows WHERE date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (day, iso3, admin1, type, sub_type, status) DO UPDATE
      SET events = d.events + EXCLUDED.events, fatalities = d.fatalities + EXCLUDED.fatalities, injuries = d.injuries + EXCLUDED.injuries;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER event_days_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_days_apply();
CREATE TRIGGER event_days_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION event_days_apply();
CREATE TRIGGER event_days_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION event_days_apply();

-- Events stored before this version.
INSERT INTO event_days (day, iso3, admin1, type, sub_type, status, events, fatalities, injuries)
SELECT date_start, COALESCE(iso3, ''), COALESCE(admin1, ''), type, sub_type, status, count(*), COALESCE(sum(fatalities_best), 0), COALESCE(sum(injuries_best), 0)
FROM events WHERE date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6;
