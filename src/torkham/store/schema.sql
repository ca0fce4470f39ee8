-- The store's own table. The kb_* tables of the knowledge layer are generated from the declaration
-- of the record kinds (kb/schema.py, kb/kinds.py; see store/rows.py) and rebuilt as a whole, in one
-- transaction, when the knowledge files change; other layers (datasets, imports) have their own tables.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
