-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
-- Key (run_id, record_id): unique, kept so by the loader's anti-joins, with no PRIMARY KEY
-- index (DuckDB rewrote it at every checkpoint as the table grew); warehouse/keys.py checks it.
CREATE TABLE IF NOT EXISTS run_facts (
    run_id VARCHAR NOT NULL,
    record_id VARCHAR NOT NULL CHECK (regexp_matches(record_id, '^[0-9a-f]{64}$'))
);
COMMENT ON TABLE run_facts IS 'Which evidence records each run produced; run diffs are set differences of this table.';
COMMENT ON COLUMN run_facts.run_id IS 'pipeline run id';
COMMENT ON COLUMN run_facts.record_id IS 'fact_evidence.record_id the run produced';
