-- Dataset layer of the store: events imported from UCDP, ACLED, GDELT …, the import log and the
-- quarantine of rows that could not be imported. Created once; never dropped by a knowledge rebuild.
CREATE SEQUENCE IF NOT EXISTS import_ids START 1;

CREATE TABLE IF NOT EXISTS events (
  dataset VARCHAR NOT NULL,            -- ucdp-ged | acled | gdelt
  event_id VARCHAR NOT NULL,           -- the dataset's own id
  dataset_version VARCHAR NOT NULL,
  date_start DATE NOT NULL,
  date_end DATE NOT NULL,
  date_precision VARCHAR NOT NULL,     -- day | week | month | year | approximate
  country VARCHAR,
  iso3 VARCHAR,
  admin1 VARCHAR,
  admin2 VARCHAR,
  place VARCHAR,
  latitude DOUBLE,
  longitude DOUBLE,
  geo_precision VARCHAR,
  event_type VARCHAR,
  sub_event_type VARCHAR,
  actor1 VARCHAR,                      -- raw names as the dataset writes them
  actor2 VARCHAR,
  fatalities_best INTEGER,
  fatalities_low INTEGER,
  fatalities_high INTEGER,
  source_text VARCHAR,
  content_hash UBIGINT NOT NULL,       -- hash of the fields above: tells a changed event from an unchanged one
  import_id BIGINT NOT NULL
  -- (dataset, event_id) is unique, but kept so by the importer, not by a key: a key's index is held whole
  -- in memory until the commit, so an import's peak would grow with the file (bench/README.md). Stores
  -- made before keep their key (datasets/memory.py makes room for it).
);

CREATE TABLE IF NOT EXISTS imports (
  import_id BIGINT PRIMARY KEY,
  dataset VARCHAR NOT NULL,
  dataset_version VARCHAR NOT NULL,
  format VARCHAR NOT NULL,
  file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  rows_read BIGINT NOT NULL,
  inserted BIGINT NOT NULL,
  updated BIGINT NOT NULL,
  unchanged BIGINT NOT NULL,
  deleted BIGINT NOT NULL,
  quarantined BIGINT NOT NULL,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS quarantine (
  import_id BIGINT NOT NULL,
  file VARCHAR NOT NULL,
  row_number BIGINT,                   -- 1 = first data row after the header
  field VARCHAR,
  value VARCHAR,
  reason VARCHAR NOT NULL
);

-- Which knowledge-base actor each raw dataset name denotes; derived, rebuilt after every import and
-- knowledge rebuild from the crosswalk files and the actors' aliases.
CREATE TABLE IF NOT EXISTS dataset_actor_names (
  dataset VARCHAR NOT NULL,
  raw_name VARCHAR NOT NULL,
  actor_id VARCHAR NOT NULL,
  method VARCHAR NOT NULL              -- crosswalk | alias
);

-- What each import covers, per country: the days its data speaks for and the status of its figures.
-- A (country, day) that no row covers is unknown: analyses answer null there, never 0.
CREATE TABLE IF NOT EXISTS coverage (
  import_id BIGINT NOT NULL,
  dataset VARCHAR NOT NULL,
  dataset_version VARCHAR NOT NULL,
  country VARCHAR NOT NULL,            -- as the data writes it, e.g. Pakistan
  iso3 VARCHAR,                        -- when known
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  status VARCHAR NOT NULL,             -- final | preliminary | aggregate (datasets/catalog.yaml)
  stated_by VARCHAR NOT NULL           -- how the span is known, e.g. 'UCDP GED 22.1 release: 1989-01-01 to 2021-12-31'
);

-- Totals per country and month (UCDP country-month fatalities): aggregates, never stored as events.
CREATE TABLE IF NOT EXISTS country_month (
  dataset VARCHAR NOT NULL,            -- ucdp-country-month
  dataset_version VARCHAR NOT NULL,
  country VARCHAR NOT NULL,
  iso3 VARCHAR,
  month DATE NOT NULL,                 -- the month's first day
  measure VARCHAR NOT NULL,            -- fatalities (best estimate, all types) | fatalities_state_based
  value BIGINT,                        -- NULL: not measured for this month
  import_id BIGINT NOT NULL,
  PRIMARY KEY (dataset, country, month, measure)
);
