-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS rejected_records (
    reject_id VARCHAR PRIMARY KEY CHECK (regexp_matches(reject_id, '^[0-9a-f]{64}$')),
    run_id VARCHAR,
    doc VARCHAR,
    doc_sha256 VARCHAR,
    page INTEGER,
    source VARCHAR,
    extractor VARCHAR,
    quote VARCHAR,
    payload JSON,
    reasons VARCHAR[] NOT NULL,
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    -- rejection_has_reason: a rejection without a reason cannot be acted on
    CHECK (((len(reasons) > 0)))
);
COMMENT ON TABLE rejected_records IS 'Evidence records that failed validation, kept with their reasons and provenance.';
COMMENT ON COLUMN rejected_records.reject_id IS 'content hash of payload and reasons (primary key)';
COMMENT ON COLUMN rejected_records.run_id IS 'run that rejected the record';
COMMENT ON COLUMN rejected_records.doc IS 'file name of the source PDF';
COMMENT ON COLUMN rejected_records.doc_sha256 IS 'sha256 of the source PDF';
COMMENT ON COLUMN rejected_records.page IS 'page of the quote';
COMMENT ON COLUMN rejected_records.source IS 'body or table';
COMMENT ON COLUMN rejected_records.extractor IS 'id of the rule or model that produced the record';
COMMENT ON COLUMN rejected_records.quote IS 'source text span of the record';
COMMENT ON COLUMN rejected_records.payload IS 'the whole record as JSON';
COMMENT ON COLUMN rejected_records.reasons IS 'one readable line per failed check';
COMMENT ON COLUMN rejected_records.first_run_id IS 'run that first loaded this rejection';
COMMENT ON COLUMN rejected_records.last_run_id IS 'latest run that produced this rejection';
