-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
-- Key (fact_key, valid_from_run): unique, kept so by the loader's anti-joins, with no PRIMARY KEY
-- index (DuckDB rewrote it at every checkpoint as the table grew); warehouse/keys.py checks it.
CREATE TABLE IF NOT EXISTS fact_versions (
    fact_key VARCHAR NOT NULL CHECK (regexp_matches(fact_key, '^[0-9a-f]{64}$')),
    version_id VARCHAR NOT NULL CHECK (regexp_matches(version_id, '^[0-9a-f]{64}$')),
    valid_from_run VARCHAR NOT NULL,
    valid_to_run VARCHAR,
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$')),
    path VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    doc_sha256 VARCHAR NOT NULL CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$'))
);
COMMENT ON TABLE fact_versions IS 'Version history of each evidence fact: one row per (fact identity, version) span of runs; nothing is deleted. Identity and version are defined in warehouse/history.py and docs/warehouse.md.';
COMMENT ON COLUMN fact_versions.fact_key IS 'stable identity of the fact: content hash of document path, source, table and cell (table facts), trial (body facts), endpoint, arm, statistic, timepoint and its ordinal among facts sharing all of those';
COMMENT ON COLUMN fact_versions.version_id IS 'content hash of the fact_key and what was read: value, value_text, unit, CI, p-value, NCT, trial and quote';
COMMENT ON COLUMN fact_versions.valid_from_run IS 'run that first produced this version of the fact';
COMMENT ON COLUMN fact_versions.valid_to_run IS 'first run in which this version of the fact was no longer current (changed, gone from its re-read document, or its file removed); null while current';
COMMENT ON COLUMN fact_versions.record_id IS 'fact_evidence row holding this version''s reading (the latest that gave it)';
COMMENT ON COLUMN fact_versions.path IS 'path of the source PDF (a new file at the same path is a new version of it)';
COMMENT ON COLUMN fact_versions.doc IS 'file name of the source PDF';
COMMENT ON COLUMN fact_versions.doc_sha256 IS 'sha256 of the file this version was read from';
