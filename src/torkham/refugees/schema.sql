-- Refugee statistics of the store (UNHCR Refugee Data Finder tables: population, solutions, idmc, flows,
-- asylum_applications, asylum_decisions), one row per value. The import log and the bad rows use the
-- dataset layer's `imports` and `quarantine` tables. Created once; never dropped by a knowledge rebuild.
CREATE TABLE IF NOT EXISTS refugee_stats (
  row_key VARCHAR NOT NULL,            -- table|year|coo|coa|procedure_type|app_type|dec_level|pc ('-': none)
  table_name VARCHAR NOT NULL,         -- population | solutions | idmc | flows | asylum_applications | asylum_decisions
  year INTEGER NOT NULL,
  coo_iso VARCHAR,                     -- country of origin, ISO3; NULL = all origins (an aggregated export)
  coo_name VARCHAR,
  coa_iso VARCHAR,                     -- country of asylum (returns: left from; resettlement: arrived in)
  coa_name VARCHAR,
  procedure_type VARCHAR,              -- asylum tables: G government, J joint, U UNHCR
  app_type VARCHAR,                    -- asylum_applications: N new, R repeat, A appeal, …
  dec_level VARCHAR,                   -- asylum tables: stage of the procedure ('NA' is a code, not missing)
  pc VARCHAR,                          -- asylum tables: app_pc / dec_pc, C cases or P persons
  measure VARCHAR NOT NULL,            -- the source column: refugees, asylum_seekers, applied, dec_total, …
  value BIGINT,                        -- NULL: not recorded in the source ('-' or an empty cell), never 0
  qualifier VARCHAR,                   -- NULL | 'not recorded' | 'confidential' (shown as '*' by older exports)
  dataset_version VARCHAR NOT NULL,
  import_id BIGINT NOT NULL             -- (row_key, measure) is unique: the importer replaces, never duplicates
);
