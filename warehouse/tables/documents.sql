-- GENERATED from schemas/declarations.py by schemas/ddl.py; do not edit.
-- Regenerate with: python -m schemas.ddl --write
CREATE TABLE IF NOT EXISTS documents (
    sha256 VARCHAR CHECK (regexp_matches(sha256, '^[0-9a-f]{64}$')),
    path VARCHAR,
    file_name VARCHAR NOT NULL CHECK (regexp_matches(file_name, '\S')),
    pages INTEGER CHECK (pages >= 0),
    status VARCHAR NOT NULL CHECK (status IN ('parsed', 'encrypted', 'corrupt', 'no_text_layer', 'empty', 'too_large', 'timeout', 'worker_crashed', 'duplicate')),
    message VARCHAR,
    parser_version VARCHAR,
    table1_status VARCHAR CHECK (table1_status IN ('mirrored', 'unmapped')),
    first_run_id VARCHAR,
    last_run_id VARCHAR,
    doi VARCHAR,
    title VARCHAR,
    superseded_by VARCHAR,
    PRIMARY KEY (sha256, path)
);
COMMENT ON TABLE documents IS 'One row per PDF file seen: identity, ingest status and the runs that saw it.';
COMMENT ON COLUMN documents.sha256 IS 'sha256 of the file bytes';
COMMENT ON COLUMN documents.path IS 'path of the file as found';
COMMENT ON COLUMN documents.file_name IS 'base name of the file; the doc field of evidence records';
COMMENT ON COLUMN documents.pages IS 'page count (0 when the file could not be opened)';
COMMENT ON COLUMN documents.status IS 'ingest outcome: parsed, encrypted, corrupt, no_text_layer, empty, too_large, timeout, worker_crashed, duplicate';
COMMENT ON COLUMN documents.message IS 'why the status is not parsed, in words';
COMMENT ON COLUMN documents.parser_version IS 'version of the PDF parser that read the file';
COMMENT ON COLUMN documents.table1_status IS 'mirrored (Table 1 loaded row by row), unmapped (its columns could not be mapped; message says why) or null (no per-study Table 1)';
COMMENT ON COLUMN documents.first_run_id IS 'run that first loaded this document';
COMMENT ON COLUMN documents.last_run_id IS 'latest run that produced this document';
COMMENT ON COLUMN documents.doi IS 'DOI printed in the document''s front matter, lower case (extractors/doc_meta.py); null when none';
COMMENT ON COLUMN documents.title IS 'title as printed (its title blocks), spaces collapsed; null without a title block';
COMMENT ON COLUMN documents.superseded_by IS 'path of the newer file of the same work (same DOI, or same long title) that superseded this file''s readings; null unless superseded so';
