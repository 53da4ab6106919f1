-- Truce schema, version 1. Runs unchanged on PGlite and PostgreSQL: no extensions, no PostGIS
-- (latitude/longitude columns with a B-tree index serve bounding boxes).
-- Ids are bigint identities; spans are stored as {start,end,text} JSON or as start/end/text
-- columns, offsets in UTF-16 code units into articles.text as in the v1 contract.

-- One row per distinct article: content_hash is the SHA-256 of the normalised text, so the
-- same article ingested twice (another file name, another feed) is stored once.
CREATE TABLE articles (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  content_hash   text NOT NULL UNIQUE,
  external_id    text,
  origin         text,
  format         text NOT NULL,
  source         text,
  url            text,
  title          text,
  published      date,
  language       text NOT NULL,
  raw            text,
  text           text NOT NULL,
  extract_status text NOT NULL CHECK (extract_status IN ('extracted', 'not_extracted')),
  extract_note   text,
  ingested_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_idx ON articles (published);
CREATE INDEX articles_url_idx ON articles (url);

-- Every extraction of an article, kept as an audit trail; the latest run's machine output is
-- the live one, except where a reviewer has spoken.
CREATE TABLE extraction_runs (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id       bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  pipeline_version text NOT NULL,
  extracted_at     timestamptz NOT NULL DEFAULT now(),
  warnings         jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX extraction_runs_article_idx ON extraction_runs (article_id, id);

CREATE TABLE events (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id         bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  run_id             bigint NOT NULL REFERENCES extraction_runs (id) ON DELETE CASCADE,
  ord                integer NOT NULL,
  key                text NOT NULL,
  status             text NOT NULL DEFAULT 'machine' CHECK (status IN ('machine', 'confirmed', 'corrected', 'rejected')),
  type               text NOT NULL,
  sub_type           text NOT NULL,
  date_start         date,
  date_end           date,
  time_precision     smallint NOT NULL,
  date_mention       jsonb,
  location_name      text,
  admin1             text,
  admin2             text,
  country            text,
  iso3               text,
  lat                double precision,
  lon                double precision,
  geo_precision      smallint,
  location_mention   jsonb,
  fatalities_low     integer,
  fatalities_best    integer,
  fatalities_high    integer,
  fatalities_by      jsonb,
  fatalities_mention jsonb,
  injuries_low       integer,
  injuries_best      integer,
  injuries_high      integer,
  injuries_by        jsonb,
  injuries_mention   jsonb,
  confidence         double precision NOT NULL,
  by_rule            text,
  -- optional fields a later contract version adds, kept so that nothing read is lost
  extra              jsonb
);
CREATE INDEX events_date_idx ON events (date_start);
CREATE INDEX events_country_date_idx ON events (iso3, date_start);
CREATE INDEX events_admin1_idx ON events (iso3, admin1, date_start);
CREATE INDEX events_type_idx ON events (type, sub_type, date_start);
CREATE INDEX events_latlon_idx ON events (lat, lon) WHERE lat IS NOT NULL;
CREATE INDEX events_article_idx ON events (article_id);
CREATE INDEX events_run_idx ON events (run_id);

CREATE TABLE event_actors (
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ord      integer NOT NULL,
  role     text NOT NULL CHECK (role IN ('actor1', 'actor2', 'assoc1', 'assoc2')),
  name     text NOT NULL,
  inter    smallint NOT NULL,
  mention  jsonb,
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX event_actors_name_idx ON event_actors (name);

CREATE TABLE event_weapons (
  event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  ord      integer NOT NULL,
  weapon   text NOT NULL,
  PRIMARY KEY (event_id, ord)
);
CREATE INDEX event_weapons_weapon_idx ON event_weapons (weapon);

CREATE TABLE tallies (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id         bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  run_id             bigint NOT NULL REFERENCES extraction_runs (id) ON DELETE CASCADE,
  ord                integer NOT NULL,
  key                text NOT NULL,
  period_start       date,
  period_end         date,
  country            text,
  iso3               text,
  admin1             text,
  actor              text,
  count              integer,
  fatalities_low     integer,
  fatalities_best    integer,
  fatalities_high    integer,
  fatalities_by      jsonb,
  fatalities_mention jsonb,
  injuries_low       integer,
  injuries_best      integer,
  injuries_high      integer,
  injuries_by        jsonb,
  injuries_mention   jsonb,
  includes           jsonb,
  by_rule            text,
  extra              jsonb
);
CREATE INDEX tallies_country_idx ON tallies (iso3, period_start);
CREATE INDEX tallies_article_idx ON tallies (article_id);

CREATE TABLE statements (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id     bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  run_id         bigint NOT NULL REFERENCES extraction_runs (id) ON DELETE CASCADE,
  ord            integer NOT NULL,
  key            text NOT NULL,
  kind           text NOT NULL,
  speaker        jsonb NOT NULL,
  about          jsonb NOT NULL,
  date_start     date,
  date_end       date,
  date_precision smallint NOT NULL,
  by_rule        text,
  extra          jsonb
);
CREATE INDEX statements_date_idx ON statements (date_start);
CREATE INDEX statements_article_idx ON statements (article_id);

CREATE TABLE agreements (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id       bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  run_id           bigint NOT NULL REFERENCES extraction_runs (id) ON DELETE CASCADE,
  ord              integer NOT NULL,
  key              text NOT NULL,
  name             text NOT NULL,
  parties          jsonb NOT NULL,
  signed_start     date,
  signed_end       date,
  signed_precision smallint,
  by_rule          text,
  extra            jsonb
);
CREATE INDEX agreements_article_idx ON agreements (article_id);

CREATE TABLE commitments (
  agreement_id  bigint NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
  ord           integer NOT NULL,
  party         text,
  kind          text NOT NULL,
  text          jsonb NOT NULL,
  deadline      text,
  deadline_rule text,
  status        text,
  extra         jsonb,
  PRIMARY KEY (agreement_id, ord)
);

-- Who the text attributes an event's or a tally's figures to; exactly one owner per row (the
-- owner indexes are partial: most rows leave most owner columns NULL).
CREATE TABLE sources (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     bigint REFERENCES events (id) ON DELETE CASCADE,
  tally_id     bigint REFERENCES tallies (id) ON DELETE CASCADE,
  ord          integer NOT NULL,
  name         text,
  role         text,
  organization text,
  channel      text,
  quote        jsonb,
  mention      jsonb NOT NULL,
  CHECK (num_nonnulls(event_id, tally_id) = 1)
);
CREATE INDEX sources_event_idx ON sources (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX sources_tally_idx ON sources (tally_id) WHERE tally_id IS NOT NULL;
CREATE INDEX sources_organization_idx ON sources (organization);

-- The sentences that support an item; exactly one owner per row.
CREATE TABLE evidence (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     bigint REFERENCES events (id) ON DELETE CASCADE,
  tally_id     bigint REFERENCES tallies (id) ON DELETE CASCADE,
  statement_id bigint REFERENCES statements (id) ON DELETE CASCADE,
  agreement_id bigint REFERENCES agreements (id) ON DELETE CASCADE,
  ord          integer NOT NULL,
  span_start   integer NOT NULL,
  span_end     integer NOT NULL,
  text         text NOT NULL,
  CHECK (num_nonnulls(event_id, tally_id, statement_id, agreement_id) = 1)
);
CREATE INDEX evidence_event_idx ON evidence (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX evidence_tally_idx ON evidence (tally_id) WHERE tally_id IS NOT NULL;
CREATE INDEX evidence_statement_idx ON evidence (statement_id) WHERE statement_id IS NOT NULL;
CREATE INDEX evidence_agreement_idx ON evidence (agreement_id) WHERE agreement_id IS NOT NULL;

-- The analysts' audit trail: append-only. `before`/`after` are the v1 event around the review.
CREATE TABLE reviews (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id    bigint REFERENCES events (id) ON DELETE SET NULL,
  article_id  bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_key   text NOT NULL,
  action      text NOT NULL CHECK (action IN ('confirm', 'correct', 'reject')),
  reviewer    text NOT NULL,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  reason      text,
  changes     jsonb NOT NULL DEFAULT '{}',
  before      jsonb NOT NULL,
  after       jsonb NOT NULL
);
CREATE INDEX reviews_event_idx ON reviews (event_id);
CREATE INDEX reviews_article_idx ON reviews (article_id);

-- A newer pipeline disagreed with a reviewed event: the review was kept, the disagreement is
-- recorded here (machine is NULL when the pipeline no longer finds the event at all).
CREATE TABLE review_conflicts (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id    bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  run_id      bigint NOT NULL REFERENCES extraction_runs (id) ON DELETE CASCADE,
  machine     jsonb,
  note        text NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_conflicts_event_idx ON review_conflicts (event_id);
