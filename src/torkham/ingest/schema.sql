-- Ingest layer of the store: documents brought in with `torkham ingest`, cut into passages for
-- `torkham search`, and the terms of each passage (for BM25 ranking without any DuckDB extension).
-- Created once; never dropped by a knowledge rebuild. One source id = one document: ingesting the same
-- source id again replaces its rows (see ingest/documents.py), inside one transaction.
CREATE TABLE IF NOT EXISTS documents (
  source_id VARCHAR NOT NULL,          -- unique (kept so by the writer, which deletes before it inserts)
  path VARCHAR NOT NULL,               -- the file as it was named when ingested
  sha256 VARCHAR NOT NULL,
  format VARCHAR NOT NULL,             -- pdf | text | markdown | html
  title VARCHAR,
  author VARCHAR,
  date VARCHAR,                        -- partial ISO date of publication, when known
  pages INTEGER NOT NULL,
  chars BIGINT NOT NULL,
  ingested_at TIMESTAMP NOT NULL,
  language VARCHAR NOT NULL,
  notes VARCHAR[] NOT NULL,            -- what extraction wants the user to know (encoding, pages without text)
  text VARCHAR NOT NULL                -- the extracted text; passages and proposals point into it by offset
);

CREATE TABLE IF NOT EXISTS passages (
  source_id VARCHAR NOT NULL,
  passage_no INTEGER NOT NULL,         -- 1, 2, … in text order
  page INTEGER,                        -- the page the passage starts on
  "start" BIGINT NOT NULL,             -- character offsets into documents.text
  "end" BIGINT NOT NULL,
  text VARCHAR NOT NULL,
  marks VARCHAR[] NOT NULL,            -- kinds of marks it overlaps: tweet, caption, bibliography, …
  tokens INTEGER NOT NULL              -- indexed terms in it (BM25 length normalisation)
);

CREATE TABLE IF NOT EXISTS passage_terms (
  source_id VARCHAR NOT NULL,
  passage_no INTEGER NOT NULL,
  term VARCHAR NOT NULL,               -- folded (case, diacritics), stemmed (plural, possessive)
  tf INTEGER NOT NULL
);
