-- Knowledge-base layer of the store. Rebuilt as a whole, in one transaction, when the knowledge
-- files change; other layers (datasets, imports) live in their own tables and are kept.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

DROP TABLE IF EXISTS kb_records;
CREATE TABLE kb_records (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, seq INTEGER NOT NULL,
  source VARCHAR NOT NULL, section VARCHAR, page INTEGER, figure INTEGER, line INTEGER,
  quote VARCHAR, file VARCHAR NOT NULL, record JSON NOT NULL);
DROP TABLE IF EXISTS kb_actors;
CREATE TABLE kb_actors (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, description VARCHAR);
DROP TABLE IF EXISTS kb_names;
CREATE TABLE kb_names (actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL, name_type VARCHAR NOT NULL,
  normalized VARCHAR NOT NULL, note VARCHAR, in_text BOOLEAN NOT NULL);
DROP TABLE IF EXISTS kb_ambiguities;
CREATE TABLE kb_ambiguities (id VARCHAR NOT NULL, name VARCHAR NOT NULL, normalized VARCHAR NOT NULL,
  actor_id VARCHAR NOT NULL, note VARCHAR);
DROP TABLE IF EXISTS kb_relations;
CREATE TABLE kb_relations (id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, from_id VARCHAR NOT NULL,
  to_id VARCHAR NOT NULL, sign VARCHAR, valid_from VARCHAR, valid_to VARCHAR);
DROP TABLE IF EXISTS kb_events;
CREATE TABLE kb_events (id VARCHAR PRIMARY KEY, date VARCHAR NOT NULL, precision VARCHAR NOT NULL,
  approximate BOOLEAN NOT NULL, first_day DATE NOT NULL, last_day DATE NOT NULL, type VARCHAR NOT NULL,
  title VARCHAR NOT NULL, place VARCHAR, country VARCHAR, admin1 VARCHAR);
DROP TABLE IF EXISTS kb_event_actors;
CREATE TABLE kb_event_actors (event_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, position INTEGER NOT NULL);
DROP TABLE IF EXISTS kb_figures;
CREATE TABLE kb_figures (id VARCHAR PRIMARY KEY, value DOUBLE, value_text VARCHAR NOT NULL,
  qualifier VARCHAR, low DOUBLE, high DOUBLE, unit VARCHAR NOT NULL, counts VARCHAR NOT NULL,
  context VARCHAR NOT NULL, event_id VARCHAR, period_from VARCHAR, period_to VARCHAR, country VARCHAR);
DROP TABLE IF EXISTS kb_figure_actors;
CREATE TABLE kb_figure_actors (figure_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL);
DROP TABLE IF EXISTS kb_claims;
CREATE TABLE kb_claims (id VARCHAR PRIMARY KEY, topic VARCHAR NOT NULL, statement VARCHAR NOT NULL);
DROP TABLE IF EXISTS kb_claim_actors;
CREATE TABLE kb_claim_actors (claim_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, role VARCHAR NOT NULL);
DROP TABLE IF EXISTS kb_claim_disputes;
CREATE TABLE kb_claim_disputes (claim_id VARCHAR NOT NULL, disputed_claim_id VARCHAR NOT NULL);
DROP TABLE IF EXISTS kb_sources;
CREATE TABLE kb_sources (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, title VARCHAR NOT NULL,
  authors VARCHAR, publisher VARCHAR, date VARCHAR, url VARCHAR, cited_as VARCHAR);
DROP TABLE IF EXISTS kb_citations;
CREATE TABLE kb_citations (source_id VARCHAR NOT NULL, record_id VARCHAR, section VARCHAR, line INTEGER, quote VARCHAR);
DROP TABLE IF EXISTS kb_checks;
CREATE TABLE kb_checks (id VARCHAR PRIMARY KEY, checkable BOOLEAN NOT NULL, metric VARCHAR, dataset VARCHAR,
  comparator VARCHAR, value DOUBLE, period_from VARCHAR, period_to VARCHAR, definitions VARCHAR, reason VARCHAR);
DROP TABLE IF EXISTS kb_check_about;
CREATE TABLE kb_check_about (check_id VARCHAR NOT NULL, record_id VARCHAR NOT NULL);
DROP TABLE IF EXISTS kb_mentions;
CREATE TABLE kb_mentions (id VARCHAR PRIMARY KEY, actor_id VARCHAR NOT NULL, source_id VARCHAR NOT NULL, page INTEGER);
DROP TABLE IF EXISTS kb_corroborations;
CREATE TABLE kb_corroborations (id VARCHAR PRIMARY KEY, record_id VARCHAR NOT NULL, source_id VARCHAR NOT NULL);
-- Proposals of `torkham ingest` awaiting review (status: proposed): validated, never facts.
DROP TABLE IF EXISTS kb_proposals;
CREATE TABLE kb_proposals (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, source VARCHAR NOT NULL,
  corroborates VARCHAR, file VARCHAR NOT NULL, record JSON NOT NULL);
