-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS run_documents (
    run_id VARCHAR,
    doc_sha256 VARCHAR CHECK (regexp_matches(doc_sha256, '^[0-9a-f]{64}$')),
    path VARCHAR,
    PRIMARY KEY (run_id, doc_sha256, path)
);
COMMENT ON TABLE run_documents IS 'Which parsed documents each run read, so a run that found no records for a document still counts.';
COMMENT ON COLUMN run_documents.run_id IS 'pipeline run id';
COMMENT ON COLUMN run_documents.doc_sha256 IS 'sha256 of a document the run parsed';
COMMENT ON COLUMN run_documents.path IS 'path at which the run parsed it (a document is its path plus its content)';
